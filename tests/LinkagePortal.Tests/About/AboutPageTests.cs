using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.About;

/// <summary>The Markdown pages of content/pages, rendered.</summary>
public sealed class AboutPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task About_renders_the_markdown_and_links_the_other_pages()
    {
        var page = await portal.CreateClient().GetPageAsync("/about");

        Assert.Equal("关于本站", page.QuerySelector("article.prose h1")!.Text());
        Assert.NotEmpty(page.QuerySelectorAll("article.prose h2"));
        var others = page.QuerySelectorAll("nav.other-pages a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/about/rules-2024-1", others);
        Assert.Contains("/about/publicity-20-days", others);
    }

    [Fact]
    public async Task A_page_is_served_by_its_file_name()
    {
        var page = await portal.CreateClient().GetPageAsync("/about/rules-2024-1");

        Assert.StartsWith("新财振〔2024〕1号", page.QuerySelector("h1")!.Text());
        Assert.StartsWith("新财振〔2024〕1号", page.Title);
    }

    [Theory]
    [InlineData("/about/no-such-page")]
    [InlineData("/about/..%2Fdata%2FREADME")]
    [InlineData("/about/About")]
    public async Task An_unknown_page_is_a_chinese_404(string path)
    {
        var response = await portal.CreateClient().GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("页面不存在（404）", Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")!.Text());
    }

    [Theory]
    [InlineData("[点我](javascript:alert(1))", "点我")]
    [InlineData("[点我](JavaScript:alert(1))", "点我")]
    [InlineData("[点我](java\tscript:alert(1))", "点我")]
    [InlineData("[点我](data:text/html;base64,PHNjcmlwdD4=)", "点我")]
    [InlineData("[点我](vbscript:msgbox)", "点我")]
    [InlineData("![图](data:image/svg+xml;base64,PHN2Zz4= \"图\")", "图")]
    [InlineData("[点我][x]\n\n[x]: javascript:alert(1)", "点我")]
    public void A_link_with_a_dangerous_scheme_is_rendered_as_its_text(string markdown, string text)
    {
        var html = LinkagePortal.About.AboutPages.ToHtml(markdown);

        Assert.DoesNotContain("href", html);
        Assert.DoesNotContain("src", html);
        Assert.Contains(text, html);
    }

    [Theory]
    [InlineData("[站内](/about)", "href=\"/about\"")]
    [InlineData("[同级](rules-2024-1)", "href=\"rules-2024-1\"")]
    [InlineData("[外部](https://www.gov.cn/)", "href=\"https://www.gov.cn/\"")]
    [InlineData("[邮件](mailto:xczx@example.gov.cn)", "href=\"mailto:xczx@example.gov.cn\"")]
    [InlineData("[电话](tel:12317)", "href=\"tel:12317\"")]
    public void Relative_http_mailto_and_tel_links_are_kept(string markdown, string expected)
    {
        Assert.Contains(expected, LinkagePortal.About.AboutPages.ToHtml(markdown));
    }

    [Theory]
    [InlineData("文字 {onclick=\"alert(1)\" .x}\n")]
    [InlineData("# 标题 {#t onmouseover=alert(1)}\n")]
    [InlineData("[链接](/about){onclick=alert(1)}\n")]
    [InlineData("<script>alert(1)</script>\n")]
    [InlineData("<img src=x onerror=alert(1)>\n")]
    public void Neither_raw_html_nor_generic_attributes_pass(string markdown)
    {
        var html = Html.Parse(LinkagePortal.About.AboutPages.ToHtml(markdown));

        Assert.Empty(html.QuerySelectorAll("script, img, iframe"));
        Assert.DoesNotContain(html.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name is "class" or "style"));
    }
}
