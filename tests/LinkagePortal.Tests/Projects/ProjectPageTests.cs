using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LinkagePortal.Tests.Projects;

/// <summary>Everything about one project, reached by the code printed on the notice.</summary>
public class ProjectPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableFact]
    public async Task The_printed_code_redirects_to_the_project_page()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/projects/654202-2024-001");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(@"^/projects/\d+$", response.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task The_project_page_shows_code_amount_place_funds_announcement_and_whom_to_call()
    {
        var page = await portal.CreateClient().GetPageAsync("/projects/654202-2024-001");

        Assert.Equal("654202-2024-001", page.GetElementById("project-code")!.Text());
        Assert.Equal("乌苏市八十四户乡党家庄村温室育苗大棚建设项目", page.QuerySelector("h1")!.Text());
        Assert.Equal("79.71 万元", page.QuerySelector(".lead .amount")!.Text().Replace('\u00a0', ' '));

        var place = page.QuerySelector(".places a")!;
        Assert.Equal("/regions/654202200214", place.GetAttribute("href"));
        Assert.Contains("党家庄子村", place.Text());
        Assert.Contains("党家庄村", page.QuerySelector(".places .note")!.Text());

        var funds = page.QuerySelectorAll("dl.facts a[href^='/documents/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/documents/tdcz-2023-11", funds);
        Assert.Contains("/documents/wcz-2023-9", funds);
        Assert.Contains(page.QuerySelectorAll("#announcements + ul a"), a => a.GetAttribute("href") == "/announcements/wusu-2024-gs-1");
        Assert.Contains("0992-8508532", page.QuerySelectorAll(".contacts a[href^='tel:']").Select(a => a.Text()));
    }

    [SkippableFact]
    public async Task Facts_the_documents_do_not_give_are_shown_as_unpublished()
    {
        var page = await portal.CreateClient().GetPageAsync("/projects/654202-2024-001");

        var facts = page.QuerySelectorAll("dl.facts dt").ToDictionary(dt => dt.Text(), dt => dt.NextElementSibling!.Text());
        Assert.Equal("未公开", facts["实施状态"]);
        Assert.Equal("未公开", facts["累计支出"]);
        Assert.Equal("八十四户乡人民政府", facts["责任单位"]);
        var targets = page.QuerySelectorAll("table.targets tbody tr").ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, row => Assert.Equal("未公开", row.QuerySelectorAll("td")[2].Text()));
    }

    [SkippableFact]
    public async Task A_bond_project_keeps_the_amount_as_printed_in_yi_yuan()
    {
        var page = await portal.CreateClient().GetPageAsync("/projects/654202-2023-B01");

        Assert.Equal("1,000 万元", page.QuerySelector(".lead .amount")!.Text().Replace('\u00a0', ' '));
        Assert.Contains("亿元", page.QuerySelector("dl.facts .printed")!.Text());
        Assert.Contains("债券", page.QuerySelector(".lead")!.Text());
    }

    [SkippableTheory]
    [InlineData("/projects/999999")]
    [InlineData("/projects/654202-2099-001")]
    public async Task An_unknown_project_is_a_chinese_404(string path)
    {
        var response = await portal.CreateClient().GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("页面不存在（404）", Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")!.Text());
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class ProjectPageTestsOnSqlServer(SqlServerPortal portal) : ProjectPageTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
