using System.Text;
using System.Text.RegularExpressions;

namespace LinkagePortal.Keys;

/// <summary>
/// Refuses text that looks like it identifies a caller: a mainland mobile number (with or without +86 / 0086), a
/// landline with its area code, or an 18-digit resident ID-card number. The text is normalised first, because people
/// write numbers in many ways: full-width characters (NFKC), zero-width and other invisible characters dropped,
/// Chinese numerals (〇一二三…, 零壹贰…, and 幺 as read out on the phone) as digits, and spaces, hyphens, dots,
/// slashes and brackets between digits removed. Deliberately eager: a record about a project never needs such a number.
/// </summary>
public static partial class PersonalData
{
    // No digit just before: a match is never the tail of a longer number.
    const string NoDigitBefore = "(?<![0-9])";

    // A mainland mobile number: 1, then 3–9, then nine more digits, and no digit after.
    const string MobileNumber = "1[3-9][0-9]{9}(?![0-9])";

    [GeneratedRegex(NoDigitBefore + "[0-9]{17}[0-9X](?![0-9X])")]
    private static partial Regex IdCard();

    [GeneratedRegex(NoDigitBefore + MobileNumber)]
    private static partial Regex Mobile();

    // +86, 0086 or 86 before a mobile number: the country code is dropped before matching.
    [GeneratedRegex(@"(?:\+|" + NoDigitBefore + "00|" + NoDigitBefore + ")86(?=" + MobileNumber + ")")]
    private static partial Regex CountryCode();

    // An area code (010, 020–029, 0xxx) and a 7–8 digit number.
    [GeneratedRegex(NoDigitBefore + "0(?:10|2[0-9]|[3-9][0-9]{2})[0-9]{7,8}(?![0-9])")]
    private static partial Regex Landline();

    // Separators people put inside a number: spaces of any kind, hyphens and dashes, dots, slashes, brackets.
    [GeneratedRegex(@"(?<=[0-9+])[\s\-‐‑‒–—―－.·。/\\()（）\[\]【】、_~～]+(?=[0-9X])")]
    private static partial Regex DigitSeparators();

    // Brackets opening before a number, as in (0992)8123456.
    [GeneratedRegex(@"[(（\[【](?=[0-9])")]
    private static partial Regex OpeningBracket();

    static readonly Dictionary<char, char> ChineseDigits = new()
    {
        ['〇'] = '0', ['零'] = '0',
        ['一'] = '1', ['壹'] = '1', ['幺'] = '1',
        ['二'] = '2', ['贰'] = '2', ['貳'] = '2',
        ['三'] = '3', ['叁'] = '3', ['參'] = '3',
        ['四'] = '4', ['肆'] = '4',
        ['五'] = '5', ['伍'] = '5',
        ['六'] = '6', ['陆'] = '6', ['陸'] = '6',
        ['七'] = '7', ['柒'] = '7',
        ['八'] = '8', ['捌'] = '8',
        ['九'] = '9', ['玖'] = '9',
    };

    /// <summary>Why <paramref name="text"/> may not be stored, naming what it seems to contain; null when it is fine.</summary>
    public static string? Problem(string text)
    {
        var compact = Normalise(text);
        if (IdCard().IsMatch(compact))
        {
            return "含有像身份证号码（18 位）的数字";
        }

        if (Mobile().IsMatch(CountryCode().Replace(compact, "")))
        {
            return "含有像手机号码的数字";
        }

        if (Landline().IsMatch(compact))
        {
            return "含有像固定电话号码（带区号）的数字";
        }

        return null;
    }

    /// <summary>The text as the patterns see it: digits in one run, whatever way they were written.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format || c == '\u00AD')
            {
                continue;
            }

            builder.Append(ChineseDigits.TryGetValue(c, out var digit) ? digit : c == 'x' ? 'X' : c);
        }

        var digits = OpeningBracket().Replace(builder.ToString(), "");
        return DigitSeparators().Replace(digits, "");
    }
}
