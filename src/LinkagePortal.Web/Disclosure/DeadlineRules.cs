using System.Globalization;
using System.Text.Json.Serialization;
using LinkagePortal.Import;

namespace LinkagePortal.Disclosure;

/// <summary>What a rule measures; the code knows how to find the two dates of each checked kind in the data.</summary>
public enum DeadlineRuleKind
{
    /// <summary>A record published within N days of its information arising (one rule per way of counting days).</summary>
    Publication,

    /// <summary>A prefecture passes region funds down to its counties within N days of the region's document.</summary>
    PassDown,

    /// <summary>A county details the funds it received into projects within N days.</summary>
    Detail,

    /// <summary>A deadline a document states whose dates are not in the data (internal filings, reports): shown with its source, not checked.</summary>
    Stated,
}

/// <summary>
/// One row of <c>content/data/disclosure_rules.csv</c>: a deadline and the document that states it, in its own words.
/// <see cref="DocumentId"/> is null for a document not in the portal (the national 条例), which <see cref="Document"/> names.
/// </summary>
public sealed record DeadlineRule(string Id, [property: JsonIgnore] DeadlineRuleKind Kind, int? Days, int? DayOfMonth, [property: JsonIgnore] DayCount? DayCount,
    string Title, string? DocumentId, string Document, string Article, IReadOnlyList<string> AlsoIn, string Quote, [property: JsonIgnore] string Source, string? Note)
{
    [JsonPropertyName("kind")]
    public string KindCode => Kind switch
    {
        DeadlineRuleKind.Publication => "publication",
        DeadlineRuleKind.PassDown => "pass-down",
        DeadlineRuleKind.Detail => "detail",
        _ => "stated",
    };

    /// <summary>calendar or working where the rule says how days are counted; null where it does not.</summary>
    [JsonPropertyName("dayCount")]
    public string? DayCountCode => DayCount switch
    {
        Disclosure.DayCount.Calendar => "calendar",
        Disclosure.DayCount.Working => "working",
        _ => null,
    };
}

/// <summary>
/// The deadline rules, data-driven: their days, titles, sources and quotes come from disclosure_rules.csv (read at
/// start-up), so a rule can be corrected or re-sourced without touching code. Pass-down and detail appear exactly once,
/// publication once per way of counting days (calendar, working); any number of stated rules.
/// </summary>
public sealed class DeadlineRules
{
    public const string FileName = "disclosure_rules.csv";
    static readonly string[] Header = ["id", "kind", "days", "day_of_month", "day_count", "title", "document_id", "document", "article", "also_in", "quote", "source", "note"];

    static readonly Dictionary<string, DeadlineRuleKind> Kinds = new()
    {
        ["publication"] = DeadlineRuleKind.Publication,
        ["pass-down"] = DeadlineRuleKind.PassDown,
        ["detail"] = DeadlineRuleKind.Detail,
        ["stated"] = DeadlineRuleKind.Stated,
    };

    static readonly Dictionary<string, DayCount> DayCounts = new() { ["calendar"] = DayCount.Calendar, ["working"] = DayCount.Working };

    DeadlineRules(IReadOnlyList<DeadlineRule> all) => All = all;

    public IReadOnlyList<DeadlineRule> All { get; }

    /// <summary>The publication rule counted in <paramref name="count"/> days.</summary>
    public DeadlineRule Publication(DayCount count) => All.Single(r => r.Kind == DeadlineRuleKind.Publication && r.DayCount == count);

    public DeadlineRule PassDown => All.Single(r => r.Kind == DeadlineRuleKind.PassDown);
    public DeadlineRule Detail => All.Single(r => r.Kind == DeadlineRuleKind.Detail);

    /// <summary>The publication window in days: the configured one when set, else the rule's.</summary>
    public int PublicationDays(DisclosureOptions options, DayCount count) => options.PublicationDays ?? Publication(count).Days!.Value;

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

            if (Read(f, message => problems.Add($"{file}:{line}: {message}")) is { } rule)
            {
                rules.Add(rule);
            }
        }

        foreach (var (label, count) in new[]
        {
            ("pass-down", rules.Count(r => r.Kind == DeadlineRuleKind.PassDown)),
            ("detail", rules.Count(r => r.Kind == DeadlineRuleKind.Detail)),
            ("publication counted in calendar days", rules.Count(r => r.Kind == DeadlineRuleKind.Publication && r.DayCount == DayCount.Calendar)),
            ("publication counted in working days", rules.Count(r => r.Kind == DeadlineRuleKind.Publication && r.DayCount == DayCount.Working)),
        })
        {
            if (count != 1)
            {
                problems.Add($"{file}: {count} rules of kind {label}; there must be exactly one");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The deadline rules cannot be read: " + string.Join("; ", problems));
        }

        return new DeadlineRules(rules);
    }

    /// <summary>One row, or null when its kind is unknown; every other problem is reported and the row kept for the count checks.</summary>
    static DeadlineRule? Read(string[] f, Action<string> problem)
    {
        string? Cell(int i) => f[i].Trim() is { Length: > 0 } v ? v : null;
        if (!Kinds.TryGetValue(f[1].Trim(), out var kind))
        {
            problem($"column kind: '{f[1]}' is not one of {string.Join(", ", Kinds.Keys)}");
            return null;
        }

        int? Number(int index, string column, int max)
        {
            if (Cell(index) is not { } text)
            {
                return null;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > max)
            {
                problem($"column {column}: '{text}' is not a whole number from 1 to {max}");
            }

            return n;
        }

        var days = Number(2, "days", 366);
        var dayOfMonth = Number(3, "day_of_month", 31);
        if (kind != DeadlineRuleKind.Stated && days is null)
        {
            problem($"column days: is empty; a {f[1].Trim()} rule needs its number of days");
        }
        else if (days is null && dayOfMonth is null)
        {
            problem("column days: is empty, and so is day_of_month; a stated rule needs one of them");
        }

        DayCount? dayCount = null;
        if (Cell(4) is { } countText)
        {
            if (DayCounts.TryGetValue(countText, out var c))
            {
                dayCount = c;
            }
            else
            {
                problem($"column day_count: '{countText}' is not one of calendar, working");
            }
        }
        else if (kind == DeadlineRuleKind.Publication)
        {
            problem("column day_count: is empty; a publication rule says whether it counts calendar or working days");
        }

        foreach (var (column, index) in new[] { ("id", 0), ("title", 5), ("document", 7), ("article", 8), ("quote", 10), ("source", 11) })
        {
            if (Cell(index) is null)
            {
                problem($"column {column}: is empty; every rule names its source, where in it, and quotes it");
            }
        }

        return new DeadlineRule(f[0].Trim(), kind, days, dayOfMonth, dayCount, f[5].Trim(), Cell(6), f[7].Trim(), f[8].Trim(),
            f[9].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), f[10].Trim(), f[11].Trim(), Cell(12));
    }
}
