using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Home;

/// <summary>The front page: the headline totals with their documents, a search box, the latest notices, the prefectures.</summary>
public class HomePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableFact]
    public async Task The_home_page_gives_the_headline_totals_with_their_documents()
    {
        var page = await portal.CreateClient().GetPageAsync("/");

        var headline = page.QuerySelectorAll(".headlines li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == "/documents/xcz-2024-9");
        Assert.Equal("200,000 万元", headline.QuerySelector("strong")!.Text().Replace('\u00a0', ' '));
    }

    [SkippableFact]
    public async Task The_home_page_has_a_search_box_the_latest_notices_and_every_prefecture()
    {
        var page = await portal.CreateClient().GetPageAsync("/");

        var form = page.QuerySelector("main form[role='search']")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name='q']"));
        Assert.Contains(page.QuerySelectorAll("#latest + ul a"), a => a.GetAttribute("href") == "/announcements/wusu-2024-gs-1");
        Assert.Equal(15, page.QuerySelectorAll("#prefectures + ul a[href^='/regions/']").Length);
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class HomePageTestsOnSqlServer(SqlServerPortal portal) : HomePageTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
