using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Tests.OpenData;
using LinkagePortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Disclosure;

/// <summary>
/// A project and the announcement that publishes it, imported with a publication time T an hour ahead: at T−1 s
/// they are nowhere — their pages, the county, village and region pages (lists and totals), the home page totals,
/// search, the hotline lookup, the API and its CSV, the announcement list and the Atom feed; at T+1 s they are everywhere, with no restart
/// and no import in between, although the county page was cached before T.
/// </summary>
public sealed class EmbargoEverywhereTests : ClockedPortalTests
{
    static readonly DateTimeOffset T = new(2026, 6, 1, 13, 0, 0, TimeSpan.FromHours(8));
    const string Code = "T5-X-001";
    const string Name = "禁发测试大棚建设项目";
    const string Notice = "禁发测试资金安排公告";
    const string Village = "654202109200";

    public EmbargoEverywhereTests()
    {
        TestRecords.Import(Portal,
            TestRecords.Projects((Code, "654202", Name, "2026-05-25", "2026-06-01T13:00:00+08:00", 123.4567m)),
            ("project_places", $"project_code,place_as_printed,region_code,match,note\n{Code},西大沟镇科克萨拉村,{Village},exact,测试记录"),
            TestRecords.Announcements(("t5-x-notice", "654202", Notice, "2026-05-25", "2026-06-01T13:00:00+08:00")),
            ("announcement_links", $"announcement_id,project_code,document_id\nt5-x-notice,{Code},"));
    }

    /// <summary>Everything a reader could see the record by, read at the clock's current time.</summary>
    sealed record Seen(
        HttpStatusCode ProjectPage, HttpStatusCode NoticePage, bool OnCountyPage, string CountyLinkageHeading, bool OnVillagePage,
        string TachengRowOnRegionPage, string HomeProjectTotals, bool FoundBySearch, bool InApi, bool InApiCsv, bool InNoticeList,
        bool InNoticeApi, bool InFeed, bool FoundByHotline, bool FoundByHotlineApi, int OnTimeInAudit);

    async Task<Seen> LookAsync()
    {
        var county = await Client.GetPageAsync("/regions/654202");
        var village = await Client.GetPageAsync("/regions/" + Village);
        var region = await Client.GetPageAsync("/regions/65");
        var home = await Client.GetPageAsync("/");
        var search = await Client.GetPageAsync("/search?q=" + Uri.EscapeDataString("禁发测试大棚"));
        var notices = await Client.GetPageAsync("/announcements");
        var hotline = await Client.GetPageAsync("/hotline?q=" + Uri.EscapeDataString("禁发测试大棚"));
        var lookup = await Client.GetJsonAsync("/api/v1/lookup?q=" + Uri.EscapeDataString("禁发测试大棚"));
        var feed = XDocument.Parse(await Client.GetStringAsync("/announcements.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var audit = await Client.GetJsonAsync("/api/v1/disclosure");

        return new Seen(
            (await Client.GetAsync("/projects/" + Code)).StatusCode,
            (await Client.GetAsync("/announcements/t5-x-notice")).StatusCode,
            Mentions(county),
            county.QuerySelector("#projects-linkage")!.Text(),
            Mentions(village),
            region.QuerySelectorAll("tr.child").Single(r => r.QuerySelector("th a")!.GetAttribute("href") == "/regions/6542").QuerySelector("td.num")!.Text(),
            home.QuerySelector("section[aria-labelledby=project-totals]")!.Text(),
            Mentions(search),
            (await Client.GetAllAsync("/api/v1/projects?region=654202")).Any(p => p.Text("code") == Code),
            (await Client.GetCsvAsync("/api/v1/projects.csv?region=654202")).Records.Rows().Any(r => r["code"] == Code),
            Mentions(notices),
            (await Client.GetAllAsync("/api/v1/announcements")).Any(a => a.Text("id") == "t5-x-notice"),
            feed.Descendants(atom + "entry").Any(e => (string?)e.Element(atom + "title") == Notice),
            Mentions(hotline),
            lookup.GetProperty("results").EnumerateArray().Any(r => r.Text("code") == Code),
            audit.GetProperty("region").GetProperty("publication").GetProperty("onTime").GetInt32());
    }

    static bool Mentions(IDocument page) =>
        page.Body!.TextContent.Contains(Name, StringComparison.Ordinal) || page.Body.TextContent.Contains(Notice, StringComparison.Ordinal)
        || page.QuerySelectorAll("a").Any(a => a.GetAttribute("href") is "/announcements/t5-x-notice" || (a.GetAttribute("href") ?? "").Contains(Code, StringComparison.Ordinal));

    [Fact]
    public async Task An_embargoed_project_and_notice_are_absent_everywhere_before_their_time_and_present_everywhere_after_it()
    {
        // Ten minutes before T the county page is cached: the second request is served from the cache (with an Age
        // header), and the entry would be kept well past T by the store's own (real) clock.
        // The import's audit and checks are waited for first: when in, they evict the county page they change.
        Portal.Clock.Set(T.AddMinutes(-10));
        await Portal.Services.GetRequiredService<LinkagePortal.Disclosure.TimelinessAudit>().RefreshAsync(CancellationToken.None);
        await Portal.Services.GetRequiredService<LinkagePortal.Checks.CheckResults>().EnsureCurrentAsync();
        await Client.GetPageAsync("/regions/654202");
        var cached = await Client.GetAsync("/regions/654202");
        Assert.True(cached.Headers.Age is not null, "the county page should be served from the output cache before T");

        Portal.Clock.Set(T.AddSeconds(-1));
        var before = await LookAsync();

        Assert.Equal(HttpStatusCode.NotFound, before.ProjectPage);
        Assert.Equal(HttpStatusCode.NotFound, before.NoticePage);
        Assert.False(before.OnCountyPage, "county page");
        Assert.Contains("13个，合计 5,923", before.CountyLinkageHeading);
        Assert.StartsWith("13个5,923", before.TachengRowOnRegionPage);
        Assert.Contains("13个", before.HomeProjectTotals);
        Assert.False(before.OnVillagePage, "village page");
        Assert.False(before.FoundBySearch, "search");
        Assert.False(before.InApi, "API");
        Assert.False(before.InApiCsv, "API CSV");
        Assert.False(before.InNoticeList, "announcement list");
        Assert.False(before.InNoticeApi, "announcements API");
        Assert.False(before.InFeed, "Atom feed");
        Assert.False(before.FoundByHotline, "hotline lookup page");
        Assert.False(before.FoundByHotlineApi, "hotline lookup API");

        Portal.Clock.Set(T.AddSeconds(1));
        var after = await LookAsync();

        Assert.Equal(HttpStatusCode.OK, after.ProjectPage);
        Assert.Equal(HttpStatusCode.OK, after.NoticePage);
        Assert.True(after.OnCountyPage, "county page, cached before T");
        Assert.Contains("14个，合计 6,046.4567", after.CountyLinkageHeading);
        Assert.True(after.OnVillagePage, "village page");
        Assert.True(after.FoundBySearch, "search");
        Assert.True(after.InApi, "API");
        Assert.True(after.InApiCsv, "API CSV");
        Assert.True(after.InNoticeList, "announcement list");
        Assert.True(after.InNoticeApi, "announcements API");
        Assert.True(after.InFeed, "Atom feed");
        Assert.True(after.FoundByHotline, "hotline lookup page");
        Assert.True(after.FoundByHotlineApi, "hotline lookup API");

        // Totals move by exactly the project (123.4567 万元): the region page's row for 塔城地区 and the home page's totals.
        Assert.StartsWith("14个6,046.4567", after.TachengRowOnRegionPage);
        Assert.Contains("14个", after.HomeProjectTotals);
        // And the audit counts both as published on time (arose 05-25, public 06-01).
        Assert.Equal(before.OnTimeInAudit + 2, after.OnTimeInAudit);
    }

    [Fact]
    public async Task An_embargoed_document_is_not_named_or_linked_as_a_source_by_the_open_data_catalog()
    {
        // 乌苏市2024年政府预算公开 is the source of 乌苏市's supervision contacts; embargoed until T, it is nobody's source yet.
        await using (var connection = await Portal.Services.GetRequiredService<Db>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE documents SET published_at = @at WHERE id = 'wusu-2024-budget'", new { at = T.UtcDateTime });
        }

        await Portal.Services.GetRequiredService<DataVersion>().RefreshAsync();
        Portal.Clock.Set(T.AddSeconds(-1));
        foreach (var path in new[] { "/datasets", "/datasets/catalog.jsonld", "/datasets/contacts/datapackage.json" })
        {
            var body = await Client.GetStringAsync(path);
            Assert.DoesNotContain("乌苏市2024年政府预算公开", body);
            Assert.DoesNotContain("/documents/wusu-2024-budget", body);
        }

        Portal.Clock.Set(T.AddSeconds(1));
        Assert.Contains("乌苏市2024年政府预算公开", await Client.GetStringAsync("/datasets"));
    }

    [Fact]
    public async Task A_projects_targets_from_an_embargoed_document_wait_for_the_document()
    {
        TestRecords.Import(Portal,
            TestRecords.Documents(("t5-x-targets", "禁发测试绩效目标文件", "乌苏市财政局", "2026-05-25", "2026-06-01T13:00:00+08:00")),
            ("performance_targets", "document_id,project_code,level1,level2,level3,target_value,unit,actual_value,source_table,note\n"
                + "t5-x-targets,654202-2024-001,产出指标,数量指标,禁发测试指标,1,个,,测试表,测试记录"));

        Portal.Clock.Set(T.AddSeconds(-1));
        var before = await Client.GetPageAsync("/projects/654202-2024-001");
        Assert.DoesNotContain(before.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/documents/t5-x-targets");
        Assert.DoesNotContain("禁发测试指标", before.Body!.TextContent);

        Portal.Clock.Set(T.AddSeconds(1));
        var after = await Client.GetPageAsync("/projects/654202-2024-001");
        Assert.Contains(after.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/documents/t5-x-targets");
        Assert.Contains("禁发测试指标", after.Body!.TextContent);
    }
}
