using AngleSharp.Dom;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Regions;

/// <summary>A region page at county and village level: its projects with amounts, and whom to call.</summary>
public class RegionPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // 乌苏市's linkage-fund projects as printed in 公告公示（一）（二）, in 万元.
    static readonly Dictionary<string, string> WusuLinkage = new()
    {
        ["654202-2024-001"] = "79.71", ["654202-2024-002"] = "79.71", ["654202-2024-003"] = "1,200", ["654202-2024-004"] = "1,000",
        ["654202-2024-005"] = "349.58", ["654202-2024-006"] = "375", ["654202-2024-007"] = "376", ["654202-2024-008"] = "380",
        ["654202-2024-009"] = "632", ["654202-2024-010"] = "380", ["654202-2024-011"] = "385", ["654202-2024-012"] = "386",
        ["654202-2024-013"] = "300",
    };

    static IReadOnlyList<(string Code, string Amount)> Projects(IDocument page, string programme) =>
        page.QuerySelectorAll($"section[data-programme='{programme}'] tr.project")
            .Select(row => (row.QuerySelector("td.code")!.Text(), row.QuerySelector("td.amount")!.Text()))
            .ToList();

    [SkippableFact]
    public async Task Wusu_lists_exactly_its_13_linkage_projects_with_amounts_and_the_bond_projects_apart()
    {
        var page = await portal.CreateClient().GetPageAsync("/regions/654202");

        Assert.Equal("乌苏市", page.QuerySelector("h1")!.Text());
        var linkage = Projects(page, "linkage");
        Assert.Equal(WusuLinkage.Keys.Order(), linkage.Select(p => p.Code).Order());
        foreach (var (code, amount) in linkage)
        {
            Assert.Equal($"{WusuLinkage[code]} 万元", amount.Replace('\u00a0', ' '));
        }

        Assert.Equal(38, Projects(page, "bond").Count);
        Assert.All(Projects(page, "bond"), p => Assert.Contains("-2023-B", p.Code));
    }

    [SkippableFact]
    public async Task Wusu_shows_its_hotline_and_discipline_line_as_phone_links()
    {
        var page = await portal.CreateClient().GetPageAsync("/regions/654202");

        var phones = page.QuerySelectorAll(".contacts a[href^='tel:']").Select(a => a.Text()).ToList();
        Assert.Contains("0992-8508532", phones);
        Assert.Contains("0992-8520186", phones);
    }

    [SkippableFact]
    public async Task The_village_of_kekesala_lists_its_two_projects_and_its_countys_hotline()
    {
        var page = await portal.CreateClient().GetPageAsync("/regions/654202109200");

        Assert.Equal("科克萨拉村", page.QuerySelector("h1")!.Text());
        Assert.Equal(["654202-2024-010", "654202-2024-011"], Projects(page, "linkage").Select(p => p.Code));
        Assert.Empty(Projects(page, "bond"));
        Assert.Contains("0992-8508532", page.QuerySelectorAll(".contacts a[href^='tel:']").Select(a => a.Text()));
        Assert.Equal(["新疆维吾尔自治区", "塔城地区", "乌苏市", "西大沟镇"],
            page.QuerySelectorAll(".breadcrumb a").Select(a => a.Text()));
    }

    [SkippableFact]
    public async Task A_township_counts_the_projects_of_its_villages_once_each()
    {
        var page = await portal.CreateClient().GetPageAsync("/regions/654202107");

        // 古尔图镇: B16 (three villages), B19 and B20 (two villages each) are three bond projects, not seven.
        Assert.Equal(["654202-2023-B16", "654202-2023-B19", "654202-2023-B20"], Projects(page, "bond").Select(p => p.Code));
        Assert.Contains("3个", page.QuerySelector("#projects-bond")!.Text());
    }

    [SkippableFact]
    public async Task The_county_lists_its_townships_with_their_project_totals()
    {
        var page = await portal.CreateClient().GetPageAsync("/regions/654202");

        var xidagou = page.QuerySelectorAll("tr.child").Single(r => r.QuerySelector("th a")!.GetAttribute("href") == "/regions/654202109");
        var cells = xidagou.QuerySelectorAll("td").Select(c => c.Text().Replace('\u00a0', ' ')).ToList();
        Assert.StartsWith("2个", cells[^2]);
        Assert.EndsWith("765 万元", cells[^2]);
        Assert.StartsWith("2个", cells[^1]);
        Assert.EndsWith("600 万元", cells[^1]);
    }

    [SkippableFact]
    public async Task A_prefecture_shows_what_each_county_received_per_document()
    {
        var page = await portal.CreateClient().GetPageAsync("/regions/6542");

        var wusu = page.QuerySelectorAll("tr.child").Single(r => r.QuerySelector("th a")!.GetAttribute("href") == "/regions/654202");
        var received = wusu.QuerySelectorAll("td a[href^='/documents/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/documents/xcz-2024-9", received);
        Assert.Contains("/documents/tdcz-2023-11", received);
    }

    [SkippableFact]
    public async Task The_full_list_of_a_programme_pages_through_the_projects_and_refuses_an_unknown_programme()
    {
        var client = portal.CreateClient();
        var bond = await client.GetPageAsync("/regions/654202/projects?programme=bond");
        Assert.Equal(38, bond.QuerySelectorAll("tr.project").Length);
        var after = await client.GetPageAsync("/regions/654202/projects?programme=bond&after=654202-2023-B36");
        Assert.Equal(["654202-2023-B37", "654202-2023-B38"], after.QuerySelectorAll("tr.project td.code").Select(c => c.Text()));

        var refused = await client.GetAsync("/regions/654202/projects?programme=roads");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("programme", Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("main p")!.Text());
    }

    [SkippableTheory]
    [InlineData("/regions/999999")]
    [InlineData("/regions/654202109999")]
    [InlineData("/regions/65420")]
    [InlineData("/regions/abc")]
    public async Task An_unknown_or_malformed_code_is_a_chinese_404(string path)
    {
        var response = await portal.CreateClient().GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("页面不存在（404）", page.QuerySelector("h1")!.Text());
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class RegionPageTestsOnSqlServer(SqlServerPortal portal) : RegionPageTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
