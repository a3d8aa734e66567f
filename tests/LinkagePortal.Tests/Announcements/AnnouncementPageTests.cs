using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Announcements;

/// <summary>The 公告公示 as published: list, and each notice with its dates, projects, documents and contacts.</summary>
public class AnnouncementPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableFact]
    public async Task The_list_links_both_wusu_notices_with_their_signature_dates()
    {
        var page = await portal.CreateClient().GetPageAsync("/announcements");

        var items = page.QuerySelectorAll(".announcement-list li").ToList();
        Assert.Equal(["/announcements/wusu-2024-gs-1", "/announcements/wusu-2024-gs-2"],
            items.Select(i => i.QuerySelector("a")!.GetAttribute("href")).Order());
        Assert.All(items, i => Assert.Contains("落款 2023年12月29日", i.QuerySelector(".meta")!.Text()));
    }

    [SkippableFact]
    public async Task A_notice_shows_its_signature_date_its_seven_projects_their_total_its_documents_and_contacts()
    {
        var page = await portal.CreateClient().GetPageAsync("/announcements/wusu-2024-gs-1");

        var notice = page.QuerySelector("article.notice")!;
        Assert.Equal("乌苏市中央财政衔接推进乡村振兴补助资金安排使用情况公告公示（一）", notice.QuerySelector("h1")!.Text());
        var date = notice.QuerySelector(".meta time")!;
        Assert.Equal("2023年12月29日", date.Text());
        Assert.Equal("2023-12-29", date.GetAttribute("datetime"));
        Assert.Contains("落款日期 2023年12月29日", notice.QuerySelector(".meta")!.Text());
        Assert.Contains("公开时间 来源未载明", notice.QuerySelector(".meta")!.Text());

        var codes = notice.QuerySelectorAll("tr.project td.code").Select(c => c.Text()).ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(n => $"654202-2024-{n:000}"), codes);
        Assert.Contains("3,460 万元", notice.QuerySelector("#notice-projects")!.Text().Replace('\u00a0', ' '));

        Assert.Equal(["/documents/tdcz-2023-11", "/documents/wcz-2023-9"],
            notice.QuerySelectorAll("#notice-documents + ul a").Select(a => a.GetAttribute("href")!).Order());
        Assert.Contains("0992-8508532", notice.QuerySelectorAll(".contacts a[href^='tel:']").Select(a => a.Text()));
    }

    [SkippableFact]
    public async Task The_api_gives_the_signature_date_and_no_publication_time_for_the_wusu_notices()
    {
        using var json = System.Text.Json.JsonDocument.Parse(await portal.CreateClient().GetStringAsync("/api/v1/announcements"));

        var notices = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal("2023-12-29", n.GetProperty("signedOn").GetString()));
        Assert.All(notices, n => Assert.Equal(System.Text.Json.JsonValueKind.Null, n.GetProperty("publishedAt").ValueKind));
    }

    [SkippableFact]
    public async Task The_curators_note_is_kept_off_the_printed_notice()
    {
        var page = await portal.CreateClient().GetPageAsync("/announcements/wusu-2024-gs-2");

        var note = page.QuerySelectorAll("p.note").Single(p => p.Text().StartsWith("数据说明", StringComparison.Ordinal));
        Assert.Contains("no-print", note.ClassList);
        Assert.Null(note.Closest("article.notice"));
        Assert.Contains("no-print", page.QuerySelector("nav.breadcrumb")!.ClassList);
    }

    [SkippableFact]
    public async Task An_unknown_notice_is_a_chinese_404()
    {
        var response = await portal.CreateClient().GetAsync("/announcements/no-such-notice");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("页面不存在（404）", Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")!.Text());
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class AnnouncementPageTestsOnSqlServer(SqlServerPortal portal) : AnnouncementPageTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
