using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LinkagePortal.Tests.Search;

/// <summary>Search by name or code, tolerant of the documents' loose spellings; one region found goes straight to it.</summary>
public sealed class SearchPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    HttpClient NoRedirects() => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    static string Q(string text) => $"/search?q={Uri.EscapeDataString(text)}";

    [Fact]
    public async Task Dangjiazhuang_village_as_printed_reaches_the_project_at_dangjiazhuangzi()
    {
        var client = portal.CreateClient();
        var results = await client.GetPageAsync(Q("党家庄村"));

        var village = Assert.Single(results.QuerySelectorAll("li.region-hit a"));
        Assert.Equal("/regions/654202200214", village.GetAttribute("href"));
        Assert.Equal("党家庄子村", village.Text());
        var project = Assert.Single(results.QuerySelectorAll("li.project-hit"));
        Assert.Contains("654202-2024-001", project.Text());

        var page = await client.GetPageAsync(project.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal("654202-2024-001", page.GetElementById("project-code")!.Text());
        Assert.Equal("/regions/654202200214", page.QuerySelector(".places a")!.GetAttribute("href"));

        var villagePage = await client.GetPageAsync(village.GetAttribute("href")!);
        Assert.Contains(villagePage.QuerySelectorAll("tr.project td.code"), c => c.Text() == "654202-2024-001");
    }

    [Theory]
    [InlineData("托古里克莫敦村", "/regions/654202105204")]
    [InlineData("乌苏市八十四户乡党家庄村", "/regions/654202200214")]
    [InlineData("西大沟镇 科克萨拉村", "/regions/654202109200")]
    public async Task A_place_written_loosely_or_with_its_county_and_township_is_found(string query, string region)
    {
        var results = await portal.CreateClient().GetPageAsync(Q(query));

        Assert.Equal(region, results.QuerySelectorAll("li.region-hit a").First().GetAttribute("href"));
    }

    [Fact]
    public async Task A_search_whose_only_match_is_one_region_goes_straight_to_it()
    {
        var response = await NoRedirects().GetAsync(Q("赛特尔莫墩村"));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/regions/654202107206", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("654202", "/regions/654202")]
    [InlineData("654202-2024-003", "/projects/")]
    public async Task A_full_code_goes_straight_to_its_region_or_project(string query, string target)
    {
        var response = await NoRedirects().GetAsync(Q(query));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(target, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Codes_match_by_prefix()
    {
        var results = await portal.CreateClient().GetPageAsync(Q("654202-2024"));

        Assert.Equal(13, results.QuerySelectorAll("li.project-hit").Length);
    }

    [Fact]
    public async Task Part_of_a_project_name_finds_the_projects()
    {
        var results = await portal.CreateClient().GetPageAsync(Q("辣椒"));

        Assert.Equal(["654202-2024-004", "654202-2024-009"],
            results.QuerySelectorAll("li.project-hit .code").Select(c => c.Text()).Order());
    }

    [Fact]
    public async Task A_document_number_is_found_however_its_brackets_are_typed()
    {
        var results = await portal.CreateClient().GetPageAsync(Q("新财振 2024 9号"));

        Assert.Equal("/documents/xcz-2024-9", Assert.Single(results.QuerySelectorAll("li.document-hit a")).GetAttribute("href"));
    }

    [Theory]
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
