using System.Globalization;

namespace LinkagePortal.Disclosure;

/// <summary>
/// What the /disclosure page and the county partial print: the report's figures with dates already written the way
/// the documents write them (2024年1月26日), so the templates only place text.
/// </summary>
public static class DisclosureViews
{
    public sealed record AreaRow(string Code, string Name, string Anchor, bool OwnLevel, string? Url, TimelinessCounts Publication, TimelinessCounts Chain);

    public sealed record PrefectureGroup(AreaRow Prefecture, IReadOnlyList<AreaRow> Counties);

    public sealed record ItemRow(string KindLabel, string? Title, string? Url, string PlaceName, string? StartText, string? DueText, string? DoneText,
        string StatusCode, string StatusLabel, bool VerifiedTime = false);

    public sealed record ChainRow(string PlaceName, string FromLabel, string FromUrl, string? FromDateText, string? ToLabel, string? ToUrl,
        string? ToDateText, string? DueText, string StatusCode, string StatusLabel, string? Reason);

    public sealed record SourceLink(string Label, string Url);

    public sealed record RuleView(string Id, string Title, string DaysText, string Quote, string? Note, IReadOnlyList<SourceLink> Sources,
        TimelinessCounts? Counts, IReadOnlyList<ChainRow> Judged, IReadOnlyList<ChainRow> Unjudged);

    public sealed record PageModel(
        string AsOfText, string DayCountLabel, int PublicationDays, RuleView Publication, AreaRow Region, IReadOnlyList<AreaRow> Prefectures,
        IReadOnlyList<PrefectureGroup> Groups, IReadOnlyList<ItemRow> Late, int LateNotShown, IReadOnlyList<ItemRow> Overdue, int OverdueNotShown,
        IReadOnlyList<RuleView> Chains, IReadOnlyList<RuleView> Unchecked);

    /// <summary>The page lists at most this many late (and overdue) records; the CSV has them all.</summary>
    public const int ListedItems = 500;

    /// <summary>The partial Rendering/Partials/disclosure-summary.sbn-html: one area's own figure, with a link to the audit.</summary>
    public sealed record Summary(string Code, string Name, string Anchor, string AsOfText, string WindowText, TimelinessCounts Publication,
        TimelinessCounts Chain, bool HasChain);

    public static string Text(DateOnly? date) => date is { } d ? Dates.Chinese(d.ToDateTime(TimeOnly.MinValue)) : "";

    public static string DayCountLabel(DayCount count) => count == DayCount.Working ? "工作日（跳过周末和法定节假日，调休上班日计入）" : "自然日";

    public static string WindowText(int days, DayCount count) =>
        string.Create(CultureInfo.InvariantCulture, $"{days}{(count == DayCount.Working ? "个工作日" : "日")}");

    public static Summary SummaryOf(TimelinessReport report, string code, string name)
    {
        var area = report.Area(code);
        return new Summary(code, area?.Name ?? name, area?.Anchor ?? "", Text(report.AsOf), WindowText(report.PublicationDays, report.DayCount),
            area?.Publication ?? new TimelinessCounts(), area?.Chain ?? new TimelinessCounts(), area is not null && area.Chain.Total > 0);
    }

    public static PageModel Page(TimelinessReport report)
    {
        AreaRow Row(AreaTimeliness a) => new(a.Code, a.Name, a.Anchor, a.OwnLevel, a.OwnLevel ? null : "/regions/" + a.Code, a.Publication, a.Chain);

        ItemRow Item(TimelinessItem i) => new(i.KindLabel, i.Title, i.Url, i.PlaceName, Nullable(i.Deadline.StartOn), Nullable(i.Deadline.DueOn),
            Nullable(i.Deadline.DoneOn), i.Deadline.Code, i.Deadline.Label, i.VerifiedTime);

        ChainRow Chain(ChainItem c) => new(c.CountyName ?? c.PrefectureName, c.From.Label, c.From.Url, Nullable(c.From.Date), c.To?.Label, c.To?.Url,
            Nullable(c.To?.Date), Nullable(c.Deadline.DueOn), c.Deadline.Code, c.Deadline.Label, c.Deadline.Reason);

        IReadOnlyList<SourceLink> Sources(DeadlineRule rule) => new[] { rule.DocumentId }.Concat(rule.AlsoIn)
            .Select(id => new SourceLink(report.DocumentLabels.TryGetValue(id, out var label) ? label : id, "/documents/" + id)).ToList();

        string Days(DeadlineRule rule) => rule.Days is { } d ? WindowText(d, report.DayCount) : "每月1日前";

        var publication = new RuleView(report.PublicationRule.Id, report.PublicationRule.Title, WindowText(report.PublicationDays, report.DayCount),
            report.PublicationRule.Quote, report.PublicationRule.Note, Sources(report.PublicationRule), report.Region.Publication, [], []);
        var chains = report.Chains.Select(c => new RuleView(c.Rule.Id, c.Rule.Title, Days(c.Rule), c.Rule.Quote, c.Rule.Note, Sources(c.Rule), c.Counts,
            c.Items.Where(i => i.Deadline.State != DisclosureState.CannotTell).Select(Chain).ToList(),
            c.Items.Where(i => i.Deadline.State == DisclosureState.CannotTell).Select(Chain).ToList())).ToList();
        var checkedRules = report.Chains.Select(c => c.Rule.Id).Append(report.PublicationRule.Id).ToHashSet();
        var notChecked = report.Rules.Where(r => !checkedRules.Contains(r.Id))
            .Select(r => new RuleView(r.Id, r.Title, Days(r), r.Quote, r.Note, Sources(r), null, [], [])).ToList();

        var counties = report.Counties.ToLookup(c => c.ParentCode);
        return new PageModel(
            Text(report.AsOf), DayCountLabel(report.DayCount), report.PublicationDays, publication, Row(report.Region),
            report.Prefectures.Where(p => p.Publication.Total > 0).Select(Row).ToList(),
            report.Prefectures.Where(p => !p.OwnLevel)
                .Select(p => new PrefectureGroup(Row(p), counties[p.Code].Where(c => c.Publication.Total > 0).Select(Row).ToList())).ToList(),
            report.Late.Take(ListedItems).Select(Item).ToList(), Math.Max(0, report.Late.Count - ListedItems),
            report.Overdue.Take(ListedItems).Select(Item).ToList(), Math.Max(0, report.Overdue.Count - ListedItems), chains, notChecked);
    }

    static string? Nullable(DateOnly? date) => date is null ? null : Text(date);
}
