using System.Text.Json.Serialization;

namespace LinkagePortal.Disclosure;

/// <summary>How many records stand in each state. Totals add up: <see cref="Total"/> is the sum of the five.</summary>
public sealed class TimelinessCounts
{
    public int OnTime { get; private set; }
    public int Late { get; private set; }
    public int Overdue { get; private set; }
    public int Due { get; private set; }
    public int CannotTell { get; private set; }
    public int Total => OnTime + Late + Overdue + Due + CannotTell;

    public void Add(DisclosureState state)
    {
        switch (state)
        {
            case DisclosureState.OnTime: OnTime++; break;
            case DisclosureState.Late: Late++; break;
            case DisclosureState.Overdue: Overdue++; break;
            case DisclosureState.Due: Due++; break;
            default: CannotTell++; break;
        }
    }

    public void Add(TimelinessCounts other)
    {
        OnTime += other.OnTime;
        Late += other.Late;
        Overdue += other.Overdue;
        Due += other.Due;
        CannotTell += other.CannotTell;
    }
}

/// <summary>
/// The figures of one area. A prefecture's own records (its documents, the pass-downs it owes) are an area of their
/// own, "塔城地区本级", listed among its counties; the region's own are "自治区本级", listed among the prefectures. So a
/// prefecture's figure is exactly the sum of its rows in the county table, and the region's the sum of the prefecture table.
/// </summary>
public sealed record AreaTimeliness
{
    public required string Code { get; init; }
    public required string Name { get; init; }

    /// <summary>region, prefecture or county: the level of <see cref="Code"/>.</summary>
    public required string Level { get; init; }

    /// <summary>The area whose figure this row adds into (a county's prefecture; a prefecture's region); null for the region.</summary>
    public string? ParentCode { get; init; }

    /// <summary>True for the "本级" rows: the records of the prefecture (or region) itself rather than of a county under it.</summary>
    public bool OwnLevel { get; init; }

    /// <summary>Publication within the window (the 20-day rule), over every disclosable record placed here.</summary>
    public TimelinessCounts Publication { get; init; } = new();

    /// <summary>The hand-off deadlines owed here: pass-down (a prefecture) and detail into projects (a county).</summary>
    public TimelinessCounts Chain { get; init; } = new();

    /// <summary>Anchor on /disclosure, the same for every level: region-65, region-6542, region-654202; a 本级 row own-6542.</summary>
    [JsonIgnore]
    public string Anchor => OwnLevel ? "own-" + Code : "region-" + Code;
}

/// <summary>
/// One record listed on the audit: late ones with their title and link; overdue ones (not public yet) only by kind,
/// place and due date, so that the audit never leaks an embargoed record's content or address.
/// </summary>
public sealed record TimelinessItem
{
    /// <summary>One of <see cref="TimelinessAudit.Kinds"/>.</summary>
    public required string Kind { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? PrefectureCode { get; init; }
    public string? CountyCode { get; init; }
    public required string PlaceName { get; init; }
    public required DisclosureDeadline Deadline { get; init; }
    public string KindLabel => TimelinessAudit.Kinds.Label(Kind);

    /// <summary>Published through the portal: its publication time is the server's, not one printed in a document.</summary>
    public bool VerifiedTime { get; init; }
}

/// <summary>A document named in a hand-off: its id, its number (or title), and its date when printed.</summary>
public sealed record DocumentRef(string Id, string Label, DateOnly? Date)
{
    public string Url => "/documents/" + Id;
}

/// <summary>One hand-off deadline (pass-down or detail), with the documents that give its two dates.</summary>
public sealed record ChainItem
{
    public required string RuleId { get; init; }
    public required string PrefectureCode { get; init; }
    public required string PrefectureName { get; init; }
    public string? CountyCode { get; init; }
    public string? CountyName { get; init; }
    public required DocumentRef From { get; init; }
    public DocumentRef? To { get; init; }
    public required DisclosureDeadline Deadline { get; init; }
}

/// <summary>A chain rule with its items and their counts.</summary>
public sealed record ChainRuleReport(DeadlineRule Rule, TimelinessCounts Counts, IReadOnlyList<ChainItem> Items);

/// <summary>The whole audit as of one Beijing date and embargo state.</summary>
public sealed record TimelinessReport
{
    public required DateOnly AsOf { get; init; }
    public required DayCount DayCount { get; init; }
    public required int PublicationDays { get; init; }
    public required DeadlineRule PublicationRule { get; init; }
    public required IReadOnlyList<DeadlineRule> Rules { get; init; }
    public required AreaTimeliness Region { get; init; }
    public required IReadOnlyList<AreaTimeliness> Prefectures { get; init; }
    public required IReadOnlyList<AreaTimeliness> Counties { get; init; }
    public required IReadOnlyList<TimelinessItem> Late { get; init; }
    public required IReadOnlyList<TimelinessItem> Overdue { get; init; }
    public required IReadOnlyList<ChainRuleReport> Chains { get; init; }

    /// <summary>Why the records that cannot be judged cannot be, by kind of record: most first.</summary>
    public required IReadOnlyList<CannotTellReason> CannotTellReasons { get; init; }

    /// <summary>Number (or title) of every public document, for naming the rules' sources.</summary>
    public required IReadOnlyDictionary<string, string> DocumentLabels { get; init; }

    /// <summary>The figure of one region code (the region, a prefecture or a county); null when nothing is placed there.</summary>
    public AreaTimeliness? Area(string code) =>
        code == Region.Code ? Region
        : Prefectures.FirstOrDefault(p => p.Code == code && !p.OwnLevel) ?? Counties.FirstOrDefault(c => c.Code == code && !c.OwnLevel);
}

/// <summary>How many records of one kind cannot be judged for one reason (a date the source does not state).</summary>
public sealed record CannotTellReason(string KindLabel, string Reason, int Count);

/// <summary>The audit on both clocks: 20 calendar days (伽师县's practice) and 20 working days (the national 条例).</summary>
public sealed record DisclosureClocks(TimelinessReport Calendar, TimelinessReport Working)
{
    public TimelinessReport Of(DayCount count) => count == DayCount.Working ? Working : Calendar;

    public IReadOnlyList<TimelinessReport> Both => [Calendar, Working];
}
