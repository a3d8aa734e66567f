using System.Text.RegularExpressions;

namespace LinkagePortal.Announcements;

/// <summary>
/// A notice's printed text laid out as a notice board shows it: the body, the 公示期 where the text states one, and the
/// 落款 (issuer and date) taken from the last lines, where a notice signs off, so that the page can print it at the
/// end, after the project table. Without a printed sign-off the issuer is the publisher and no date is invented.
/// </summary>
public sealed partial record NoticeText(IReadOnlyList<string> Paragraphs, string? Period, string SignedBy, string? SignedOn)
{
    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日$")]
    private static partial Regex DateLine();

    /// <summary>The longest line read as an issuer's name in a sign-off (a unit, not a sentence).</summary>
    const int IssuerLength = 30;

    public static NoticeText Of(IReadOnlyList<string> paragraphs, string publisher)
    {
        var body = paragraphs.ToList();
        string? signedOn = null;
        var signedBy = publisher;
        if (body.Count > 0 && DateLine().IsMatch(body[^1]))
        {
            signedOn = body[^1];
            body.RemoveAt(body.Count - 1);
            if (body.Count > 0 && (body[^1] == publisher || (body[^1].Length <= IssuerLength && !body[^1].Any(c => c is '：' or ':' or '，' or '。'))))
            {
                signedBy = body[^1];
                body.RemoveAt(body.Count - 1);
            }
        }

        var period = body.FirstOrDefault(p => p.Contains("公示期", StringComparison.Ordinal) || p.Contains("公示时间", StringComparison.Ordinal));
        return new NoticeText(body, period, signedBy, signedOn);
    }
}
