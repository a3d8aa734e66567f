using LinkagePortal.Rendering;
using LinkagePortal.Tests.Support;
using Scriban.Syntax;

namespace LinkagePortal.Tests.Rendering;

/// <summary>The template seam: values encoded wherever a partial is called, strict names, the helpers' Chinese formats.</summary>
public sealed class PageRendererTests
{
    sealed record Model(string X, long AmountYuan, DateTime At);

    /// <summary>A renderer over its own templates: <paramref name="page"/> as <c>Page</c>, partial <c>p</c> as given.</summary>
    static PageRenderer With(string page, string partial = "")
    {
        var root = TestDatabase.NewDirectory("templates");
        Directory.CreateDirectory(Path.Combine(root, "Rendering", "Partials"));
        File.WriteAllText(Path.Combine(root, "Page" + PageRenderer.Extension), page);
        File.WriteAllText(Path.Combine(root, "Rendering", "Partials", "p" + PageRenderer.Extension), partial);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Rendering", "Layout" + PageRenderer.Extension),
            Path.Combine(root, "Rendering", "Layout" + PageRenderer.Extension));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Rendering", "Partials", "search-box" + PageRenderer.Extension),
            Path.Combine(root, "Rendering", "Partials", "search-box" + PageRenderer.Extension));
        return new PageRenderer(root);
    }

    static readonly Model Script = new("<script>alert(1)</script>", 123_456_789, new DateTime(2024, 1, 26, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_partial_called_on_an_indented_line_encodes_its_values()
    {
        // The engine before Scriban wrote this partial's value raw (issue 13).
        var html = With("<div>\n  {{ partial \"p\" this }}\n</div>", "[{{ X }}]").Render("Page", Script, "t");

        Assert.Contains("[&lt;script&gt;alert(1)&lt;/script&gt;]", html);
        Assert.Empty(Html.Parse(html).QuerySelectorAll("main script"));
    }

    [Theory]
    [InlineData("{{ Y }}")]
    [InlineData("{{ X.Lenght }}")]
    [InlineData("{{ nosuchhelper X }}")]
    [InlineData("{{ include \"p\" }}")]
    public void A_misspelt_variable_member_or_function_fails_instead_of_rendering_blank(string page) =>
        Assert.Throws<ScriptRuntimeException>(() => With(page).Render("Page", Script, "t"));

    [Fact]
    public void Helpers_write_amounts_in_wan_and_dates_in_chinese_as_before()
    {
        var html = With("{{ wan AmountYuan }}|{{ date At }}|{{ time At }}|{{ isoDate At }}|{{ isoTime At }}|{{ if eq(AmountYuan, \"123456789\") }}eq{{ end }}")
            .Render("Page", Script, "t");
        var main = Html.Parse(html).QuerySelector("main")!.TextContent.Trim();

        Assert.Equal("12,345.6789\u00a0万元|2024年1月26日|2024年1月26日 08:00|2024-01-26|2024-01-26T08:00:00+08:00|eq", main);
    }

    [Fact]
    public void A_data_address_is_written_only_when_it_is_a_path_or_web_address()
    {
        var pages = With("{{ url X }}");
        string Href(string url) => Html.Parse(pages.Render("Page", Script with { X = url }, "t")).QuerySelector("main")!.TextContent.Trim();

        Assert.Equal("/regions/6542", Href("/regions/6542"));
        Assert.Equal("https://www.mof.gov.cn/x.htm", Href("https://www.mof.gov.cn/x.htm"));
        Assert.Equal("#", Href("javascript:alert(1)"));
        Assert.Equal("#", Href("//evil.example/"));
    }

    [Fact]
    public void Pooled_contexts_serve_concurrent_renders_each_with_its_own_model_and_survive_an_error()
    {
        var pages = With("<p>{{ X }}</p>{{ if eq(X, \"bad\") }}{{ partial \"p\" this }}{{ end }}", "{{ Y }}");
        Assert.Throws<ScriptRuntimeException>(() => pages.Render("Page", Script with { X = "bad" }, "t"));

        var rendered = Enumerable.Range(0, 200).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => (Expected: $"第{i}页", Html: pages.Render("Page", Script with { X = $"第{i}页" }, "t")))
            .ToList();

        Assert.All(rendered, page => Assert.Equal(page.Expected, Html.Parse(page.Html).QuerySelector("main p")!.TextContent));
    }
}
