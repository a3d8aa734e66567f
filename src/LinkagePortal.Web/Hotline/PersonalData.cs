using System.Text;
using System.Text.RegularExpressions;

namespace LinkagePortal.Hotline;

/// <summary>
/// Refuses text that looks like it identifies a caller: a mainland mobile or landline number, or an 18-digit
/// resident ID-card number. Full-width digits count, and so do numbers written with spaces or hyphens inside
/// (139 1234 5678). Deliberately eager: a record about a project never needs such a number.
/// </summary>
public static partial class PersonalData
{
    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])")]
    private static partial Regex IdCard();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])")]
    private static partial Regex Landline();

    // Spaces, hyphens and dots between two digits, as in "139 1234 5678" or "6542-0219…".
    [GeneratedRegex(@"(?<=[0-9])[\s\-.·]+(?=[0-9Xx])")]
    private static partial Regex DigitSeparators();

    /// <summary>Why <paramref name="text"/> may not be stored, naming what it seems to contain; null when it is fine.</summary>
    public static string? Problem(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var compact = DigitSeparators().Replace(normalized, "");
        if (IdCard().IsMatch(compact))
        {
            return "含有像身份证号码（18 位）的数字";
        }

        if (Mobile().IsMatch(compact))
        {
            return "含有像手机号码的数字";
        }

        if (Landline().IsMatch(normalized) || Landline().IsMatch(compact))
        {
            return "含有像固定电话号码的数字";
        }

        return null;
    }
}
