using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LinkagePortal.Tests.Search;

/// <summary>Search by name or code, tolerant of the documents' loose spellings; one region found goes straight to it.</summary>
public class SearchPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    HttpClient NoRedirects() => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    static string Q(string text) => $"/search?q={Uri.EscapeDataString(text)}";

    [SkippableFact]
    public async Task Dangjiazhuang_village_as_printed_reaches_the_project_at_dangjiazhuangzi()
    {
        var client = portal.CreateClient();
        var search = await client.GetAsync(Q("党家庄村"));

        // The one place of that name is 党家庄子村: the search goes to its page, which lists the project.
        Assert.Equal("/regions/654202200214", search.RequestMessage!.RequestUri!.AbsolutePath);
        var village = Html.Parse(await search.Content.ReadAsStringAsync());
        Assert.Equal("党家庄子村", village.QuerySelector("h1")!.Text());
        var row = village.QuerySelectorAll("tr.project").Single(r => r.QuerySelector("td.code")!.Text() == "654202-2024-001");

        var project = await client.GetPageAsync(row.QuerySelector("a[href^='/projects/']")!.GetAttribute("href")!);
        Assert.Equal("654202-2024-001", project.GetElementById("project-code")!.Text());
        Assert.Equal("/regions/654202200214", project.QuerySelector(".places a")!.GetAttribute("href"));
    }

    [SkippableTheory]
    [InlineData("托古里克莫敦村", "/regions/654202105204")]
    [InlineData("乌苏市八十四户乡党家庄村", "/regions/654202200214")]
    [InlineData("西大沟镇 科克萨拉村", "/regions/654202109200")]
    public async Task A_place_written_loosely_or_with_its_county_and_township_is_found(string query, string region)
    {
        var response = await portal.CreateClient().GetAsync(Q(query));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(region, response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [SkippableFact]
    public async Task A_name_several_places_share_lists_them_with_where_they_are_and_their_projects()
    {
        var results = await portal.CreateClient().GetPageAsync(Q("科克"));

        var regions = results.QuerySelectorAll("li.region-hit").ToList();
        Assert.True(regions.Count > 1);
        var kekesala = regions.Single(r => r.QuerySelector("a")!.GetAttribute("href") == "/regions/654202109200");
        Assert.Contains("塔城地区 › 乌苏市 › 西大沟镇", kekesala.QuerySelector(".meta")!.Text());
        Assert.Equal(["654202-2024-010", "654202-2024-011"], results.QuerySelectorAll("li.project-hit .code").Select(c => c.Text()));
    }

    [SkippableFact]
    public async Task A_search_whose_only_match_is_one_region_goes_straight_to_it()
    {
        var response = await NoRedirects().GetAsync(Q("赛特尔莫墩村"));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/regions/654202107206", response.Headers.Location!.OriginalString);
    }

    [SkippableTheory]
    [InlineData("654202", "/regions/654202")]
    [InlineData("654202-2024-003", "/projects/")]
    public async Task A_full_code_goes_straight_to_its_region_or_project(string query, string target)
    {
        var response = await NoRedirects().GetAsync(Q(query));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(target, response.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task Codes_match_by_prefix()
    {
        var results = await portal.CreateClient().GetPageAsync(Q("654202-2024"));

        Assert.Equal(13, results.QuerySelectorAll("li.project-hit").Length);
    }

    [SkippableFact]
    public async Task Part_of_a_project_name_finds_the_projects()
    {
        var results = await portal.CreateClient().GetPageAsync(Q("辣椒"));

        Assert.Equal(["654202-2024-004", "654202-2024-009"],
            results.QuerySelectorAll("li.project-hit .code").Select(c => c.Text()).Order());
    }

    [SkippableFact]
    public async Task A_document_number_is_found_however_its_brackets_are_typed()
    {
        var results = await portal.CreateClient().GetPageAsync(Q("新财振 2024 9号"));

        Assert.Equal("/documents/xcz-2024-9", Assert.Single(results.QuerySelectorAll("li.document-hit a")).GetAttribute("href"));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("%_*")]
    [InlineData("没有这样的地方吧")]
    public async Task Empty_or_unmatched_queries_give_a_page_not_an_error(string query)
    {
        var page = await portal.CreateClient().GetPageAsync(Q(query));

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Empty(page.QuerySelectorAll("li.region-hit, li.project-hit, li.document-hit"));
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class SearchPageTestsOnSqlServer(SqlServerPortal portal) : SearchPageTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
