namespace LinkagePortal.Regions;

/// <summary>
/// Official division codes nest: 65 (autonomous region), 4-digit prefecture, 6-digit county, 9-digit township,
/// 12-digit village. "Everything under C" is <c>col &gt;= C AND col &lt; Upper(C)</c>, which an index serves.
/// </summary>
public static class RegionCodes
{
    static readonly int[] Lengths = [2, 4, 6, 9, 12];
    public const int CountyLength = 6;

    public static bool IsWellFormed(string code) => Lengths.Contains(code.Length) && code.All(char.IsAsciiDigit);

    /// <summary>':' sorts right after '9', so every code that starts with <paramref name="code"/> is below this.</summary>
    public static string Upper(string code) => code + ":";

    /// <summary>The codes above <paramref name="code"/>, outermost first (654202109200 → 65, 6542, 654202, 654202109).</summary>
    public static IReadOnlyList<string> Ancestors(string code) => Lengths.Where(l => l < code.Length).Select(l => code[..l]).ToList();

    /// <summary>The county a township or village belongs to; null above county level.</summary>
    public static string? County(string code) => code.Length >= CountyLength ? code[..CountyLength] : null;

    /// <summary>The length of the codes one level below; null for a village.</summary>
    public static int? ChildLength(string code) => Lengths.Where(l => l > code.Length).Select(l => (int?)l).FirstOrDefault();
}
