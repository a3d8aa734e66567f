using System.Globalization;
using System.Text;

namespace LinkagePortal.Search;

/// <summary>
/// How loosely printed place names are compared. The documents write 党家庄村 for the village the gazetteer calls
/// 党家庄子村委会, 托古里克莫敦村 for 托古里克莫墩村委会: names are compared without spaces, punctuation and their
/// committee or division suffix (村委会, 居委会, 社区, 村, 乡, 镇 …), and still match when one is the start of the
/// other or when the query leaves out one or two of the name's characters or writes one differently.
/// </summary>
public static class SearchText
{
    /// <summary>Longest first, so that 村委会 is removed whole rather than leaving 村委.</summary>
    static readonly string[] Suffixes = ["村民委员会", "社区居委会", "村委会", "居委会", "委员会", "管委会", "生活区", "社区", "街道", "村", "乡", "镇"];

    /// <summary>What people leave off a prefecture's or county's name (塔城地区 → 塔城, 乌苏市 → 乌苏), longest first.</summary>
    static readonly string[] DivisionSuffixes = ["哈萨克自治州", "柯尔克孜自治州", "蒙古自治州", "回族自治州", "自治州", "自治县", "地区", "市", "县", "区"];

    /// <summary>Characters after which a printed place name may continue with a smaller division (乌苏市|八十四户乡|党家庄村).</summary>
    const string DivisionEnds = "区州市县乡镇";

    /// <summary>Letters and digits only: no spaces, punctuation or brackets (〔2024〕 → 2024); ASCII letters upper case.</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber)
            {
                builder.Append(rune.IsAscii ? char.ToUpperInvariant((char)rune.Value) : rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>The text with every kind of space removed and full-width ASCII folded (ＡＢ１ → AB1), punctuation kept.</summary>
    public static string Compact(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)));

    /// <summary>A place name without its suffix: 党家庄子村委会 → 党家庄子, 西大沟镇 → 西大沟. Never empty for a non-empty name.</summary>
    public static string Core(string name)
    {
        var clean = Clean(name);
        foreach (var suffix in Suffixes)
        {
            if (clean.Length > suffix.Length && clean.EndsWith(suffix, StringComparison.Ordinal))
            {
                return clean[..^suffix.Length];
            }
        }

        return clean;
    }

    /// <summary>A code as people type it: digits, optionally a project code's letters and dashes (654202-2024-B01).</summary>
    public static bool LooksLikeCode(string compact) =>
        compact.Length >= 2 && char.IsAsciiDigit(compact[0]) && compact.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>How well a name answers a query, both as <see cref="Core"/>s: 0 same, 1 the name starts with the query, 2 close, null not at all.</summary>
    public static int? Closeness(string queryCore, string nameCore)
    {
        if (queryCore.Length == 0)
        {
            return null;
        }

        if (nameCore == queryCore)
        {
            return 0;
        }

        if (nameCore.StartsWith(queryCore, StringComparison.Ordinal))
        {
            return 1;
        }

        // The slips the documents make: characters left out of the printed name (党家庄 for 党家庄子, 赛特莫墩 for
        // 赛特尔莫墩: the query is the name with one or two characters missing), or one character written differently
        // (托古里克莫敦 for 托古里克莫墩). Short queries allow only one missing character and no different one.
        var missing = nameCore.Length - queryCore.Length;
        if (missing > 0 && missing <= (queryCore.Length >= 4 ? 2 : 1) && queryCore[0] == nameCore[0] && IsSubsequence(queryCore, nameCore))
        {
            return 2;
        }

        return missing == 0 && queryCore.Length >= 4 && queryCore.Zip(nameCore).Count(p => p.First != p.Second) == 1 ? 2 : null;
    }

    /// <summary>
    /// The ways to read a query as "context + a place name": the whole query first, then what follows each division
    /// ending (乌苏市八十四户乡党家庄村 → 八十四户乡党家庄村 after 乌苏市, then 党家庄村 after 八十四户乡).
    /// </summary>
    public static IEnumerable<(string Context, string Name)> Readings(string clean)
    {
        yield return ("", clean);
        for (var i = 1; i < clean.Length - 1; i++)
        {
            if (DivisionEnds.Contains(clean[i - 1]))
            {
                yield return (clean[..i], clean[i..]);
            }
        }
    }

    /// <summary>
    /// The names a prefecture or county goes by in a query, full and short, longest first: 塔城地区, 塔城;
    /// 伊犁哈萨克自治州, 伊犁. A short form keeps at least two characters.
    /// </summary>
    public static IEnumerable<string> NamesOfDivision(string shortName)
    {
        var clean = Clean(shortName);
        yield return clean;
        if (DivisionSuffixes.FirstOrDefault(s => clean.Length - s.Length >= 2 && clean.EndsWith(s, StringComparison.Ordinal)) is { } suffix)
        {
            yield return clean[..^suffix.Length];
        }
    }

    static bool IsSubsequence(string part, string whole)
    {
        var next = 0;
        foreach (var c in whole)
        {
            if (next < part.Length && part[next] == c)
            {
                next++;
            }
        }

        return next == part.Length;
    }
}
