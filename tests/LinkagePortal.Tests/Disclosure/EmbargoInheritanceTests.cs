using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using LinkagePortal.Tests.OpenData;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Disclosure;

/// <summary>
/// A record inherits its parent's embargo, on pages and in the API alike: a project whose own publication time has
/// passed, listed (with its notice) by a document embargoed until T, is absent everywhere at T−1 s and present
/// everywhere at T+1 s.
/// </summary>
public sealed class EmbargoInheritanceTests : ClockedPortalTests
{
    static readonly DateTimeOffset T = new(2026, 6, 1, 13, 0, 0, TimeSpan.FromHours(8));
    const string Document = "t10-x-source";
    const string Code = "T10-X-001";
    const string Name = "继承禁发测试水渠项目";
    const string Notice = "继承禁发测试资金公告";
    const string NoticeId = "t10-x-notice";

    public EmbargoInheritanceTests()
    {
        TestRecords.Import(Portal,
            TestRecords.Documents((Document, "继承禁发测试来源文件", "乌苏市财政局", "2026-05-20", "2026-06-01T13:00:00+08:00")),
            TestRecords.ProjectsListedIn(Document, (Code, "654202", Name, "2026-05-20", "2026-05-21T10:00:00+08:00", 10m)),
            ("announcements", "id,title,county_code,publisher,arose_on,published_at,body,source_document_id,note\n"
                + $"{NoticeId},{Notice},654202,测试发布单位,2026-05-20,2026-05-21T10:00:00+08:00,测试公告正文,{Document},测试记录"));
    }

    sealed record Seen(HttpStatusCode ProjectPage, HttpStatusCode NoticePage, bool OnCountyPage, bool FoundBySearch, bool InApi,
        HttpStatusCode ApiItem, bool InApiCsv, bool InNoticeApi, bool FoundByHotlineApi, long CatalogProjects);

    async Task<Seen> LookAsync()
    {
        var catalog = await Client.GetPageAsync("/datasets");
        return new Seen(
            (await Client.GetAsync("/projects/" + Code)).StatusCode,
            (await Client.GetAsync("/announcements/" + NoticeId)).StatusCode,
            Mentions(await Client.GetPageAsync("/regions/654202")),
            Mentions(await Client.GetPageAsync("/search?q=" + Uri.EscapeDataString("继承禁发测试水渠"))),
            (await Client.GetAllAsync("/api/v1/projects?region=654202")).Any(p => p.Text("code") == Code),
            (await Client.GetAsync("/api/v1/projects/" + Code)).StatusCode,
            (await Client.GetCsvAsync("/api/v1/projects.csv?region=654202")).Records.Rows().Any(r => r["code"] == Code),
            (await Client.GetAllAsync("/api/v1/announcements")).Any(a => a.Text("id") == NoticeId),
            (await Client.GetJsonAsync("/api/v1/lookup?q=" + Uri.EscapeDataString("继承禁发测试水渠"))).GetProperty("results").EnumerateArray().Any(r => r.Text("code") == Code),
            long.Parse(catalog.QuerySelector("#projects .dataset-facts dd")!.Text().Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
    }

    static bool Mentions(IDocument page) =>
        page.Body!.TextContent.Contains(Name, StringComparison.Ordinal) || page.Body.TextContent.Contains(Notice, StringComparison.Ordinal);

    [Fact]
    public async Task A_project_and_a_notice_wait_for_the_document_that_lists_them_on_pages_and_in_the_api()
    {
        Portal.Clock.Set(T.AddSeconds(-1));
        var before = await LookAsync();

        Assert.Equal(HttpStatusCode.NotFound, before.ProjectPage);
        Assert.Equal(HttpStatusCode.NotFound, before.NoticePage);
        Assert.False(before.OnCountyPage, "county page");
        Assert.False(before.FoundBySearch, "search");
        Assert.False(before.InApi, "API list");
        Assert.Equal(HttpStatusCode.NotFound, before.ApiItem);
        Assert.False(before.InApiCsv, "API CSV");
        Assert.False(before.InNoticeApi, "announcements API");
        Assert.False(before.FoundByHotlineApi, "hotline lookup");

        Portal.Clock.Set(T.AddSeconds(1));
        var after = await LookAsync();

        Assert.Equal(HttpStatusCode.OK, after.ProjectPage);
        Assert.Equal(HttpStatusCode.OK, after.NoticePage);
        Assert.True(after.OnCountyPage, "county page");
        Assert.True(after.FoundBySearch, "search");
        Assert.True(after.InApi, "API list");
        Assert.Equal(HttpStatusCode.OK, after.ApiItem);
        Assert.True(after.InApiCsv, "API CSV");
        Assert.True(after.InNoticeApi, "announcements API");
        Assert.True(after.FoundByHotlineApi, "hotline lookup");
        Assert.Equal(before.CatalogProjects + 1, after.CatalogProjects);
    }
}
