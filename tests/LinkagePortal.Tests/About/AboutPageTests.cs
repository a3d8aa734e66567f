using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.About;

/// <summary>The Markdown pages of content/pages, rendered.</summary>
public class AboutPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableFact]
    public async Task About_renders_the_markdown_and_links_the_other_pages()
    {
        var page = await portal.CreateClient().GetPageAsync("/about");

        Assert.Equal("关于本站", page.QuerySelector("article.prose h1")!.Text());
        Assert.NotEmpty(page.QuerySelectorAll("article.prose h2"));
        var others = page.QuerySelectorAll("nav.other-pages a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/about/rules-2024-1", others);
        Assert.Contains("/about/publicity-20-days", others);
    }

    [SkippableFact]
    public async Task A_page_is_served_by_its_file_name()
    {
        var page = await portal.CreateClient().GetPageAsync("/about/rules-2024-1");

        Assert.StartsWith("新财振〔2024〕1号", page.QuerySelector("h1")!.Text());
        Assert.StartsWith("新财振〔2024〕1号", page.Title);
    }

    [SkippableTheory]
    [InlineData("/about/no-such-page")]
    [InlineData("/about/..%2Fdata%2FREADME")]
    [InlineData("/about/About")]
    public async Task An_unknown_page_is_a_chinese_404(string path)
    {
        var response = await portal.CreateClient().GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("页面不存在（404）", Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")!.Text());
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class AboutPageTestsOnSqlServer(SqlServerPortal portal) : AboutPageTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
