using System.Globalization;

namespace LinkagePortal;

/// <summary>
/// Amounts are kept as whole yuan (exact, and exact under SUM in either database) and shown in 万元, the unit the
/// documents print. 1 万元 = 10000 yuan, so 4 decimals of 万元 are exact.
/// </summary>
public static class Money
{
    public const long YuanPerWan = 10000;

    public static decimal ToWan(long yuan) => yuan / (decimal)YuanPerWan;

    public static bool TryParseWan(string text, out long yuan)
    {
        yuan = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var wan)
            || decimal.Round(wan, 4) != wan || wan > 100_000_000_000m)
        {
            return false;
        }

        yuan = (long)(wan * YuanPerWan);
        return true;
    }

    /// <summary>12,345.67 — thousands separators, no trailing zeros, the unit shown by the caller.</summary>
    public static string FormatWan(long yuan) => ToWan(yuan).ToString("#,##0.####", CultureInfo.InvariantCulture);
}
