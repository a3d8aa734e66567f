using LinkagePortal.Disclosure;
using LinkagePortal.Rendering;
using LinkagePortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Disclosure;

/// <summary>The partial a county (or prefecture) page includes: the area's own figure, the same as on /disclosure.</summary>
public sealed class DisclosureSummaryTests : IClassFixture<DisclosureAuditTests.Portal>
{
    readonly DisclosureAuditTests.Portal portal;

    public DisclosureSummaryTests(DisclosureAuditTests.Portal portal) => this.portal = portal;

    /// <summary>Renders the site's own partial <c>{{ partial "disclosure-summary" Disclosure }}</c>.</summary>
    static AngleSharp.Dom.IDocument Render(DisclosureViews.Summary summary) =>
        Html.Parse(new PageRenderer().RenderPartial("disclosure-summary", summary).Html);

    [SkippableTheory]
    [InlineData("/regions/65")]
    [InlineData("/regions/6542")]
    [InlineData("/regions/654202")]
    [InlineData("/regions/653129")]
    public async Task The_summary_of_every_region_level_links_to_an_anchor_that_exists_on_the_audit(string path)
    {
        using var client = portal.CreateClient();
        var link = (await client.GetPageAsync(path)).QuerySelector("section.disclosure-summary a[href^='/disclosure#']")!.GetAttribute("href")!;
        var audit = await client.GetPageAsync("/disclosure");

        Assert.Matches("^/disclosure#region-[0-9]+$", link);
        Assert.NotNull(audit.GetElementById(link["/disclosure#".Length..]));
    }

    [Fact]
    public async Task A_county_shows_its_own_counts_and_links_to_its_row_of_the_audit()
    {
        var report = await portal.Services.GetRequiredService<TimelinessAudit>().ReportAsync();
        var page = Render(DisclosureViews.SummaryOf(report, "654202", "乌苏市"));

        var section = page.QuerySelector("section.disclosure-summary")!;
        var counts = section.QuerySelectorAll(".disclosure-counts li").Select(li => li.Text()).ToList();
        // 乌苏市: the two test projects (one on time, one late) beside its curated records.
        var wusu = report.Area("654202")!;
        Assert.Equal(
            [$"按时 {wusu.Publication.OnTime}", $"逾期公开 {wusu.Publication.Late}", $"逾期未公开 {wusu.Publication.Overdue}",
             $"未到期 {wusu.Publication.Due}", $"无法判断 {wusu.Publication.CannotTell}"],
            counts);
        Assert.Equal((1, 1), (wusu.Publication.OnTime, wusu.Publication.Late));
        Assert.Contains($"{wusu.Publication.Total} 条记录", section.Text());
        Assert.Equal("/disclosure#region-654202", section.QuerySelector("a")!.GetAttribute("href"));
        // Its two detail deadlines are judged (on time).
        Assert.Contains("按时 2", section.Text());
    }

    [Fact]
    public async Task A_county_with_no_records_shows_zeros_rather_than_nothing()
    {
        var report = await portal.Services.GetRequiredService<TimelinessAudit>().ReportAsync();
        Assert.Null(report.Area("659009"));
        var section = Render(DisclosureViews.SummaryOf(report, "659009", "昆玉市")).QuerySelector("section.disclosure-summary")!;
        Assert.Contains("昆玉市的 0 条记录", section.Text());
        Assert.Equal("/disclosure", section.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_county_page_shows_the_same_figure_as_the_audit_and_a_village_page_its_countys()
    {
        using var client = portal.CreateClient();
        var report = await portal.Services.GetRequiredService<TimelinessAudit>().ReportAsync();
        var wusu = report.Area("654202")!;

        var county = await client.GetPageAsync("/regions/654202");
        var section = county.QuerySelector("section.disclosure-summary")!;
        Assert.Equal([wusu.Publication.OnTime, wusu.Publication.Late, wusu.Publication.Overdue, wusu.Publication.Due, wusu.Publication.CannotTell],
            section.QuerySelectorAll(".disclosure-counts strong").Select(s => int.Parse(s.Text())));
        Assert.Equal("/disclosure#region-654202", section.QuerySelector("a[href^='/disclosure']")!.GetAttribute("href"));

        var prefecture = (await client.GetPageAsync("/regions/6542")).QuerySelector("section.disclosure-summary")!;
        Assert.Contains($"{report.Area("6542")!.Publication.Total} 条记录", prefecture.Text());

        var village = (await client.GetPageAsync("/regions/654202109200")).QuerySelector("section.disclosure-summary")!;
        Assert.Equal(section.QuerySelectorAll(".disclosure-counts strong").Select(s => s.Text()),
            village.QuerySelectorAll(".disclosure-counts strong").Select(s => s.Text()));
    }
}
