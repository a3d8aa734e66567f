using LinkagePortal.Rendering;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Rendering;

/// <summary>
/// Markdown, the one producer of trusted HTML besides the page seam: no raw HTML, no attributes from the text, and
/// only relative, http(s), mailto and tel links (what the about pages and anything else rendering Markdown get).
/// </summary>
public class TrustedHtmlTests
{
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
        var html = TrustedHtml.FromMarkdown(markdown).ToString();

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
        Assert.Contains(expected, TrustedHtml.FromMarkdown(markdown).ToString());
    }

    [Theory]
    [InlineData("文字 {onclick=\"alert(1)\" .x}\n")]
    [InlineData("# 标题 {#t onmouseover=alert(1)}\n")]
    [InlineData("[链接](/about){onclick=alert(1)}\n")]
    [InlineData("<script>alert(1)</script>\n")]
    [InlineData("<img src=x onerror=alert(1)>\n")]
    public void Neither_raw_html_nor_generic_attributes_pass(string markdown)
    {
        var html = Html.Parse(TrustedHtml.FromMarkdown(markdown).ToString());

        Assert.Empty(html.QuerySelectorAll("script, img, iframe"));
        Assert.DoesNotContain(html.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name is "class" or "style"));
    }
}
