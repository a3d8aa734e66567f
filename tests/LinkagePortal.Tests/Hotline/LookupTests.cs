using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hotline;

/// <summary>An operator on a call finds the project from what the caller says: village, name fragment, unit, code.</summary>
public class LookupTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    async Task<List<string>> CodesAsync(string query)
    {
        var response = await portal.CreateClient().GetAsync($"/api/v1/lookup?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToList();
    }

    [SkippableFact]
    public async Task A_village_name_without_its_suffix_finds_the_two_Wusu_projects_of_that_village_first()
    {
        var codes = await CodesAsync("科克萨拉");

        Assert.Equal(["654202-2024-010", "654202-2024-011"], codes.Take(2));
    }

    [SkippableFact]
    public async Task Two_characters_of_a_project_name_find_the_Wusu_chili_projects_first()
    {
        var codes = await CodesAsync("辣椒");

        Assert.Equal(["654202-2024-004", "654202-2024-009"], codes.Take(2).Order());
    }

    [SkippableFact]
    public async Task The_page_works_without_javascript_and_shows_code_name_village_county_amount_and_unit()
    {
        var page = await portal.CreateClient().GetPageAsync("/hotline?q=科克萨拉");

        var results = page.QuerySelectorAll("#hotline-results > li").ToList();
        Assert.True(results.Count >= 2);
        var first = results[0];
        Assert.Equal("654202-2024-010", first.QuerySelector(".hotline-code")!.Text());
        Assert.Equal("乌苏市西大沟镇科克萨拉村道路建设项目", first.QuerySelector(".hotline-name")!.Text());
        Assert.StartsWith("/projects/", first.QuerySelector("a.hotline-result")!.GetAttribute("href"));
        var facts = first.QuerySelectorAll("dt").Zip(first.QuerySelectorAll("dd"), (dt, dd) => (dt.Text(), dd.Text())).ToDictionary();
        Assert.Equal("西大沟镇 科克萨拉村", facts["地点"]);
        Assert.Equal("乌苏市", facts["县市"]);
        Assert.Equal("380 万元", facts["金额"].Replace('\u00a0', ' '));
        Assert.Equal("乌苏市西大沟镇人民政府", facts["责任单位"]);
        Assert.Equal("科克萨拉", page.QuerySelector("input#hotline-q")!.GetAttribute("value"));
        Assert.Contains("找到", page.QuerySelector("#hotline-status")!.Text());
    }

    [SkippableFact]
    public async Task The_code_printed_on_a_notice_finds_its_project_first_and_a_prefix_finds_its_neighbours()
    {
        Assert.Equal("654202-2024-011", (await CodesAsync("654202-2024-011"))[0]);
        Assert.Equal("654202-2023-B17", (await CodesAsync("654202-2023-b17"))[0]);
        Assert.Equal(["654202-2024-010", "654202-2024-011", "654202-2024-012", "654202-2024-013"], await CodesAsync("654202-2024-01"));
    }

    [SkippableFact]
    public async Task A_responsible_unit_a_township_and_a_printed_place_spelling_each_find_their_project()
    {
        Assert.Equal("654202-2024-004", (await CodesAsync("百泉镇人民政府"))[0]);
        Assert.Contains("654202-2023-B17", await CodesAsync("八十四户乡"));
        // Printed 党家庄村 is the gazetteer's 党家庄子村.
        Assert.Equal("654202-2024-001", (await CodesAsync("党家庄村"))[0]);
        Assert.Equal("654202-2024-001", (await CodesAsync("党家庄子村"))[0]);
    }

    [SkippableFact]
    public async Task Wildcards_and_punctuation_are_text_not_patterns()
    {
        Assert.Empty(await CodesAsync("%%"));
        Assert.Empty(await CodesAsync("_村"));
        Assert.Empty(await CodesAsync("\"）"));
        Assert.Equal(["654202-2024-004", "654202-2024-009"], (await CodesAsync("辣椒（")).Order());
    }

    [SkippableFact]
    public async Task The_lookup_api_names_the_parameter_when_the_query_is_missing_too_short_or_too_long()
    {
        var client = portal.CreateClient();
        foreach (var path in new[] { "/api/v1/lookup", "/api/v1/lookup?q=村", "/api/v1/lookup?q=" + new string('村', 51) })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _), path);
        }
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class LookupTestsOnSqlServer(SqlServerPortal portal) : LookupTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
