using System.Globalization;

namespace LinkagePortal.Disclosure;

/// <summary>
/// What the /disclosure page and the county partial print: the report's figures with dates already written the way
/// the documents write them (2024年1月26日), so the templates only place text.
/// </summary>
public static class DisclosureViews
{
    /// <summary>One area's figures on both clocks; <see cref="Judgeable"/> when either clock judges any of its records.</summary>
    public sealed record AreaRow(string Code, string Name, string Anchor, bool OwnLevel, string? Url, TimelinessCounts Calendar, TimelinessCounts Working)
    {
        public bool Judgeable => Calendar.Total > Calendar.CannotTell || Working.Total > Working.CannotTell;
    }

    /// <summary>A prefecture's counties: those with something judged in a table, the rest collapsed.</summary>
    public sealed record PrefectureGroup(AreaRow Prefecture, IReadOnlyList<AreaRow> Judged, IReadOnlyList<AreaRow> Unjudged);

    public sealed record ItemRow(string KindLabel, string? Title, string? Url, string PlaceName, string? StartText, string? DueText, string? DoneText,
        string StatusCode, string StatusLabel, bool VerifiedTime = false);

    /// <summary>One hand-off on both clocks (the items of the two reports are built in the same order).</summary>
    public sealed record ChainRow(string PlaceName, string FromLabel, string FromUrl, string? FromDateText, string? ToLabel, string? ToUrl,
        string? ToDateText, ClockStatus Calendar, ClockStatus Working, string? Reason);

    public sealed record ClockStatus(string? DueText, string StatusCode, string StatusLabel);

    public sealed record SourceLink(string Label, string? Url);

    /// <summary>A rule with where it is stated: the document (linked when it is in the portal), its part or article, and the documents that repeat it.</summary>
    public sealed record RuleView(string Id, string Title, string DaysText, string Quote, string? Note, SourceLink Document, string Article,
        IReadOnlyList<SourceLink> AlsoIn);

    /// <summary>One clock: its rule and the region's figures on it.</summary>
    public sealed record ClockView(string Code, string Label, RuleView Rule, TimelinessCounts Counts, int Judged, IReadOnlyList<ItemRow> Late, int LateNotShown,
        IReadOnlyList<ItemRow> Overdue, int OverdueNotShown);

    public sealed record ChainView(RuleView Rule, TimelinessCounts Calendar, TimelinessCounts Working, IReadOnlyList<ChainRow> Judged, IReadOnlyList<ChainRow> Unjudged);

    /// <summary>Why records cannot be judged, with the count on each clock.</summary>
    public sealed record ReasonRow(string KindLabel, string Reason, int Calendar, int Working);

    public sealed record PageModel(string AsOfText, int Total, IReadOnlyList<ClockView> Clocks, IReadOnlyList<ReasonRow> Reasons, AreaRow Region,
        IReadOnlyList<AreaRow> Prefectures, IReadOnlyList<AreaRow> UnjudgedPrefectures, IReadOnlyList<PrefectureGroup> Groups, IReadOnlyList<ChainView> Chains,
        IReadOnlyList<RuleView> Stated);

    /// <summary>The page lists at most this many late (and overdue) records; the CSV has them all.</summary>
    public const int ListedItems = 500;

    /// <summary>
    /// The partial Rendering/Partials/disclosure-summary.sbn-html: one area's own figure, with a link to the audit;
    /// <c>Computing</c> while this node's first report is still being computed (no counts yet).
    /// </summary>
    public sealed record Summary(string Code, string Name, string Anchor, string AsOfText, string WindowText, TimelinessCounts Publication,
        TimelinessCounts Chain, bool HasChain, bool Computing = false);

    public static string Text(DateOnly? date) => date is { } d ? Dates.Chinese(d.ToDateTime(TimeOnly.MinValue)) : "";

    public static string DayCountLabel(DayCount count) => count == DayCount.Working ? "工作日（跳过周末和法定节假日，调休上班日计入）" : "自然日";

    public static string WindowText(int days, DayCount count) =>
        string.Create(CultureInfo.InvariantCulture, $"{days}{(count == DayCount.Working ? "个工作日" : "日")}");

    /// <summary>The summary of an area before this node's first report is in.</summary>
    public static Summary Computing(string code, string name) =>
        new(code, name, "", "", "", new TimelinessCounts(), new TimelinessCounts(), false, Computing: true);

    public static Summary SummaryOf(TimelinessReport report, string code, string name)
    {
        var area = report.Area(code);
        return new Summary(code, area?.Name ?? name, area?.Anchor ?? "", Text(report.AsOf), WindowText(report.PublicationDays, report.DayCount),
            area?.Publication ?? new TimelinessCounts(), area?.Chain ?? new TimelinessCounts(), area is not null && area.Chain.Total > 0);
    }

    public static PageModel Page(DisclosureClocks clocks)
    {
        var calendar = clocks.Calendar;
        var working = clocks.Working;
        var workingAreas = working.Prefectures.Concat(working.Counties).ToDictionary(a => a.Anchor);

        AreaRow Row(AreaTimeliness a, TimelinessCounts w) => new(a.Code, a.Name, a.Anchor, a.OwnLevel, a.OwnLevel ? null : "/regions/" + a.Code, a.Publication, w);
        AreaRow Both(AreaTimeliness a) => Row(a, workingAreas.TryGetValue(a.Anchor, out var w) ? w.Publication : new TimelinessCounts());

        ItemRow Item(TimelinessItem i) => new(i.KindLabel, i.Title, i.Url, i.PlaceName, Nullable(i.Deadline.StartOn), Nullable(i.Deadline.DueOn),
            Nullable(i.Deadline.DoneOn), i.Deadline.Code, i.Deadline.Label, i.VerifiedTime);

        ClockStatus Status(DisclosureDeadline d) => new(Nullable(d.DueOn), d.Code, d.Label);

        ChainRow Chain(ChainItem c, ChainItem w) => new(c.CountyName ?? c.PrefectureName, c.From.Label, c.From.Url, Nullable(c.From.Date), c.To?.Label, c.To?.Url,
            Nullable(c.To?.Date), Status(c.Deadline), Status(w.Deadline), c.Deadline.Reason ?? w.Deadline.Reason);

        SourceLink Source(string id) => new(calendar.DocumentLabels.TryGetValue(id, out var label) ? label : id, "/documents/" + id);

        RuleView Rule(DeadlineRule rule, DayCount count) => new(rule.Id, rule.Title, DaysText(rule, count), rule.Quote, rule.Note,
            rule.DocumentId is { } id && calendar.DocumentLabels.ContainsKey(id) ? new SourceLink(rule.Document, "/documents/" + id) : new SourceLink(rule.Document, null),
            rule.Article, rule.AlsoIn.Select(Source).ToList());

        ClockView Clock(TimelinessReport r) => new(DisclosureCsv.DayCountCode(r.DayCount), WindowText(r.PublicationDays, r.DayCount),
            Rule(r.PublicationRule, r.DayCount) with { DaysText = WindowText(r.PublicationDays, r.DayCount) }, r.Region.Publication,
            r.Region.Publication.Total - r.Region.Publication.CannotTell,
            r.Late.Take(ListedItems).Select(Item).ToList(), Math.Max(0, r.Late.Count - ListedItems),
            r.Overdue.Take(ListedItems).Select(Item).ToList(), Math.Max(0, r.Overdue.Count - ListedItems));

        var chains = calendar.Chains.Zip(working.Chains, (c, w) =>
        {
            var rows = c.Items.Zip(w.Items, (ci, wi) => (Row: Chain(ci, wi), Judged: ci.Deadline.State != DisclosureState.CannotTell || wi.Deadline.State != DisclosureState.CannotTell)).ToList();
            return new ChainView(Rule(c.Rule, DayCount.Calendar) with { DaysText = ChainDaysText(c.Rule) }, c.Counts, w.Counts,
                rows.Where(r => r.Judged).Select(r => r.Row).ToList(), rows.Where(r => !r.Judged).Select(r => r.Row).ToList());
        }).ToList();

        var reasons = calendar.CannotTellReasons.Select(r => (r.KindLabel, r.Reason)).Union(working.CannotTellReasons.Select(r => (r.KindLabel, r.Reason)))
            .Select(k => new ReasonRow(k.KindLabel, k.Reason, Count(calendar, k), Count(working, k))).OrderByDescending(r => Math.Max(r.Calendar, r.Working)).ToList();

        var prefectures = calendar.Prefectures.Where(p => p.Publication.Total > 0).Select(Both).ToList();
        var counties = calendar.Counties.ToLookup(c => c.ParentCode);
        var groups = calendar.Prefectures.Where(p => !p.OwnLevel).Select(p =>
        {
            var rows = counties[p.Code].Where(c => c.Publication.Total > 0).Select(Both).ToList();
            return new PrefectureGroup(Both(p), rows.Where(r => r.Judgeable).ToList(), rows.Where(r => !r.Judgeable).ToList());
        }).ToList();

        return new PageModel(Text(calendar.AsOf), calendar.Region.Publication.Total, [Clock(calendar), Clock(working)], reasons,
            Row(calendar.Region, working.Region.Publication), prefectures.Where(p => p.Judgeable).ToList(), prefectures.Where(p => !p.Judgeable).ToList(), groups,
            chains, calendar.Rules.Where(r => r.Kind == DeadlineRuleKind.Stated).Select(r => Rule(r, DayCount.Calendar)).ToList());
    }

    static int Count(TimelinessReport report, (string KindLabel, string Reason) key) =>
        report.CannotTellReasons.FirstOrDefault(r => r.KindLabel == key.KindLabel && r.Reason == key.Reason)?.Count ?? 0;

    /// <summary>A rule's deadline as the document words it: N days (counted as its clock counts, when it says), or by a day of the month.</summary>
    static string DaysText(DeadlineRule rule, DayCount count) => rule switch
    {
        { Kind: DeadlineRuleKind.Publication, Days: { } d } => WindowText(d, count),
        { Days: { } d } => string.Create(CultureInfo.InvariantCulture, $"{d}日内"),
        { DayOfMonth: { } m } => string.Create(CultureInfo.InvariantCulture, $"{m}日前"),
        _ => "",
    };

    static string ChainDaysText(DeadlineRule rule) =>
        string.Create(CultureInfo.InvariantCulture, $"{rule.Days}日；按自然日和工作日各算一次");

    static string? Nullable(DateOnly? date) => date is null ? null : Text(date);
}
