namespace LinkagePortal.Records;

/// <summary>
/// Official division codes nest: 65 (autonomous region), 4-digit prefecture, 6-digit county, 9-digit township,
/// 12-digit village. "Everything under C" is <c>col &gt;= C AND col &lt;= Last(C)</c>, which an index serves.
/// </summary>
public static class RegionCodes
{
    static readonly int[] Lengths = [2, 4, 6, 9, 12];
    public const int CountyLength = 6;
    public const int VillageLength = 12;

    public static bool IsWellFormed(string code) => Lengths.Contains(code.Length) && code.All(char.IsAsciiDigit);

    /// <summary>
    /// The greatest code under <paramref name="code"/>: the code padded with '9' to a village's 12 digits (6549 →
    /// 654999999999). Codes are digit strings of at most 12 digits, so a code starts with C exactly when it lies in
    /// [C, Last(C)]: both bounds are digits only, and every collation of both engines orders digit strings alike
    /// (no ':' or "last character + 1" bound, which Unicode collations sort differently).
    /// </summary>
    public static string Last(string code) => code.PadRight(VillageLength, '9');

    /// <summary>
    /// The SQL condition "<paramref name="column"/> is C or under C" over the parameters <c>@{parameter}</c> (C) and
    /// <c>@{parameter}Last</c>; <see cref="Parameters"/> gives their values.
    /// </summary>
    public static string Under(string column, string parameter = "region") => $"{column} >= @{parameter} AND {column} <= @{parameter}Last";

    /// <summary>The values of <see cref="Under"/>'s parameters for region <paramref name="code"/>.</summary>
    public static Dictionary<string, object> Parameters(string code, string parameter = "region") =>
        new() { [parameter] = code, [parameter + "Last"] = Last(code) };

    /// <summary>The codes above <paramref name="code"/>, outermost first (654202109200 → 65, 6542, 654202, 654202109).</summary>
    public static IReadOnlyList<string> Ancestors(string code) => Lengths.Where(l => l < code.Length).Select(l => code[..l]).ToList();

    /// <summary>The county a township or village belongs to; null above county level.</summary>
    public static string? County(string code) => code.Length >= CountyLength ? code[..CountyLength] : null;

    /// <summary>The length of the codes one level below; null for a village.</summary>
    public static int? ChildLength(string code) => Lengths.Where(l => l > code.Length).Select(l => (int?)l).FirstOrDefault();
}
