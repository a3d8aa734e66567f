using System.Globalization;
using System.Text.Json.Serialization;
using LinkagePortal.Import;

namespace LinkagePortal.Disclosure;

/// <summary>What a rule measures; the code knows how to find the two dates of each kind in the data.</summary>
public enum DeadlineRuleKind
{
    /// <summary>A record published within N days of its information arising.</summary>
    Publication,

    /// <summary>A prefecture passes region funds down to its counties within N days of the region's document.</summary>
    PassDown,

    /// <summary>A county details the funds it received into projects within N days.</summary>
    Detail,

    /// <summary>Spending reports by the 1st of each month; no dates in the data, shown as a rule only.</summary>
    MonthlyReport,
}

/// <summary>One row of <c>content/data/disclosure_rules.csv</c>: a deadline and the document that states it, in its own words.</summary>
public sealed record DeadlineRule(string Id, [property: JsonIgnore] DeadlineRuleKind Kind, int? Days, string Title, string DocumentId, IReadOnlyList<string> AlsoIn, string Quote, string? Note)
{
    [JsonPropertyName("kind")]
    public string KindCode => Kind switch
    {
        DeadlineRuleKind.Publication => "publication",
        DeadlineRuleKind.PassDown => "pass-down",
        DeadlineRuleKind.Detail => "detail",
        _ => "monthly-report",
    };
}

/// <summary>
/// The deadline rules, data-driven: their days, titles, sources and quotes come from disclosure_rules.csv (read at
/// start-up), so a rule can be corrected or re-sourced without touching code. Each kind must appear exactly once.
/// </summary>
public sealed class DeadlineRules
{
    public const string FileName = "disclosure_rules.csv";
    static readonly string[] Header = ["id", "kind", "days", "title", "document_id", "also_in", "quote", "note"];

    static readonly Dictionary<string, DeadlineRuleKind> Kinds = new()
    {
        ["publication"] = DeadlineRuleKind.Publication,
        ["pass-down"] = DeadlineRuleKind.PassDown,
        ["detail"] = DeadlineRuleKind.Detail,
        ["monthly-report"] = DeadlineRuleKind.MonthlyReport,
    };

    DeadlineRules(IReadOnlyList<DeadlineRule> all) => All = all;

    public IReadOnlyList<DeadlineRule> All { get; }

    public DeadlineRule Publication => Of(DeadlineRuleKind.Publication);
    public DeadlineRule PassDown => Of(DeadlineRuleKind.PassDown);
    public DeadlineRule Detail => Of(DeadlineRuleKind.Detail);

    /// <summary>The publication window in days: the configured one when set, else the rule's.</summary>
    public int PublicationDays(DisclosureOptions options) => options.PublicationDays ?? Publication.Days!.Value;

    DeadlineRule Of(DeadlineRuleKind kind) => All.Single(r => r.Kind == kind);

    public static DeadlineRules Load(string file)
    {
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"The deadline rules file {file} is missing.");
        }

        using var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
        var problems = new List<string>();
        var rows = CsvFile.Read(reader, (line, reason) => problems.Add($"{file}:{line}: malformed CSV: {reason}")).ToList();
        if (rows.Count == 0 || !rows[0].Fields.SequenceEqual(Header))
        {
            throw new InvalidOperationException($"{file}:1: the header must be {string.Join(",", Header)}.");
        }

        var rules = new List<DeadlineRule>();
        foreach (var (line, f) in rows.Skip(1))
        {
            if (f.Length != Header.Length)
            {
                problems.Add($"{file}:{line}: the row has {f.Length} fields; the header has {Header.Length}");
                continue;
            }

            string? Cell(int i) => f[i].Trim() is { Length: > 0 } v ? v : null;
            if (!Kinds.TryGetValue(f[1].Trim(), out var kind))
            {
                problems.Add($"{file}:{line}: column kind: '{f[1]}' is not one of {string.Join(", ", Kinds.Keys)}");
                continue;
            }

            int? days = null;
            if (Cell(2) is { } daysText)
            {
                if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1)
                {
                    problems.Add($"{file}:{line}: column days: '{daysText}' is not a whole number of days");
                }

                days = d;
            }
            else if (kind != DeadlineRuleKind.MonthlyReport)
            {
                problems.Add($"{file}:{line}: column days: is empty; a {f[1]} rule needs its number of days");
            }

            foreach (var (column, index) in new[] { ("id", 0), ("title", 3), ("document_id", 4), ("quote", 6) })
            {
                if (Cell(index) is null)
                {
                    problems.Add($"{file}:{line}: column {column}: is empty; every rule names its source and quotes it");
                }
            }

            rules.Add(new DeadlineRule(f[0].Trim(), kind, days, f[3].Trim(), f[4].Trim(),
                f[5].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), f[6].Trim(), Cell(7)));
        }

        foreach (var kind in Kinds)
        {
            var count = rules.Count(r => r.Kind == kind.Value);
            if (count != 1)
            {
                problems.Add($"{file}: {count} rules of kind {kind.Key}; there must be exactly one");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The deadline rules cannot be read: " + string.Join("; ", problems));
        }

        return new DeadlineRules(rules);
    }
}
