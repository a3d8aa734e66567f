using System.Text;

namespace LinkagePortal.Records;

/// <summary>
/// The character-pair index of project names, units and places (SQLite FTS5, see 0006_hotline.sql) that the hotline
/// lookup and the search page both query.
/// </summary>
public static class ProjectFragments
{
    /// <summary>
    /// The FTS5 query for the typed text: each run of two or more letters and digits (punctuation and spaces are not
    /// indexed) as the phrase of its character pairs; all runs must match. A lone character is left out: it narrows
    /// nothing and a prefix query over every pair that starts with it is slow. Null when nothing is left to look for.
    /// </summary>
    public static string? MatchQuery(string q)
    {
        var runs = new List<List<string>>();
        var run = new List<string>();
        foreach (var rune in q.EnumerateRunes().Append(new Rune(' ')))
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.IsNumber(rune))
            {
                run.Add(rune.ToString());
            }
            else
            {
                if (run.Count >= 2)
                {
                    runs.Add(run);
                }

                run = [];
            }
        }

        return runs.Count == 0 ? null : string.Join(" AND ", runs.Select(r => "\"" + string.Join(' ', r.Zip(r.Skip(1), (a, b) => a + b)) + "\""));
    }
}
