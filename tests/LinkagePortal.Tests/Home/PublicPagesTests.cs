using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Home;

/// <summary>What every public page shares: Chinese, one h1, landmarks, table headers with scope, money in 万元, dates as 2024年1月26日.</summary>
public class PublicPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> Pages =>
    [
        "/", "/regions/65", "/regions/6542", "/regions/654202", "/regions/654202109", "/regions/654202109200", "/projects/654202-2024-001",
        "/documents/xcz-2024-9", "/documents/tdcz-2023-11", "/documents/wusu-2024-budget", "/announcements", "/announcements/wusu-2024-gs-1",
        "/search?q=%E7%A7%91%E5%85%8B", "/search?q=%E8%BE%A3%E6%A4%92", "/search", "/about", "/about/publicity-20-days", "/regions/654202/projects?programme=bond",
    ];

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_is_chinese_with_one_h1_a_main_landmark_and_scoped_table_headers(string path)
    {
        var page = await portal.CreateClient().GetPageAsync(path);

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Single(page.QuerySelectorAll("main"));
        Assert.All(page.QuerySelectorAll("th"), th => Assert.Contains(th.GetAttribute("scope"), new[] { "col", "row" }));
        Assert.All(page.QuerySelectorAll("a"), a => Assert.False(string.IsNullOrWhiteSpace(a.Text()), $"a link with no text: {a.OuterHtml}"));
    }

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task Amounts_outside_tables_with_a_unit_header_carry_wan_yuan(string path)
    {
        var page = await portal.CreateClient().GetPageAsync(path);

        foreach (var amount in page.QuerySelectorAll("td.amount, .lead .amount, .headlines strong"))
        {
            Assert.Matches(@"^\d{1,3}(,\d{3})*(\.\d{1,4})?\u00a0万元", amount.TextContent.Trim());
        }
    }

    [SkippableFact]
    public async Task Dates_are_written_the_chinese_way_with_a_machine_readable_twin()
    {
        var page = await portal.CreateClient().GetPageAsync("/announcements/wusu-2024-gs-2");

        // The page's own dates (the footer's "数据更新至" stamp is a time of day too).
        var times = page.QuerySelectorAll("main time").ToList();
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", t.Text()));
        Assert.All(times, t => Assert.Matches(@"^\d{4}-\d{2}-\d{2}", t.GetAttribute("datetime")!));
    }

    [SkippableFact]
    public async Task An_unknown_address_is_a_chinese_404_without_a_stack_trace()
    {
        var response = await portal.CreateClient().GetAsync("/no/such/page");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("页面不存在（404）", page.QuerySelector("h1")!.Text());
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class PublicPagesTestsOnSqlServer(SqlServerPortal portal) : PublicPagesTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
