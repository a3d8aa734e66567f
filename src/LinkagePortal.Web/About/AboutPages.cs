using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LinkagePortal.About;

/// <summary>
/// The Markdown pages of <c>content/pages/</c> rendered with Markdig: <c>about.md</c> at <c>/about</c>, every other
/// <c>NAME.md</c> at <c>/about/NAME</c>. A page's title is its first heading. The output is HTML we produced: raw
/// HTML in the Markdown is not passed through, no extension that writes attributes from the text (generic
/// attributes, media embeds) is used, and a link or image whose address is not relative, <c>http(s):</c>,
/// <c>mailto:</c> or <c>tel:</c> (e.g. <c>javascript:</c>, <c>data:</c>) is rendered as its text only.
/// </summary>
public static class AboutPages
{
    public const string IndexSlug = "about";

    // The advanced extensions less those that take attributes or embeds from the text.
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAbbreviations().UseAutoIdentifiers().UseDefinitionLists().UseEmphasisExtras().UseFigures().UseFootnotes()
        .UseGridTables().UsePipeTables().UseListExtras().UseTaskLists().UseAutoLinks()
        .DisableHtml().Build();

    static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>The Markdown as HTML, with every link's address checked (see the class summary).</summary>
    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !Allowed(l.Url)).ToList())
        {
            var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            link.ReplaceBy(new LiteralInline(link.IsImage ? link.Title ?? "" : text));
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !Allowed(l.Url)).ToList())
        {
            link.ReplaceBy(new LiteralInline(link.Url));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>A relative address, or one with an allowed scheme (browsers ignore spaces and controls inside a scheme).</summary>
    public static bool Allowed(string? url)
    {
        var clean = new string((url ?? "").Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = clean.IndexOf(':', StringComparison.Ordinal);
        var end = clean.IndexOfAny(['/', '?', '#']);
        return colon < 0 || end >= 0 && end < colon || AllowedSchemes.Contains(clean[..colon].ToLowerInvariant());
    }

    public sealed record PageLink(string Slug, string Title)
    {
        public string Href => Slug == IndexSlug ? "/about" : $"/about/{Slug}";
    }

    public sealed record Model(string Title, string Html, IReadOnlyList<PageLink> OtherPages);

    /// <summary>The page, or null for a name that is not a page (only lower-case letters, digits and '-' are names).</summary>
    public static Model? Load(PortalPaths paths, string slug)
    {
        if (slug.Length == 0 || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return null;
        }

        var file = Path.Combine(paths.Pages, slug + ".md");
        if (!File.Exists(file))
        {
            return null;
        }

        var markdown = File.ReadAllText(file);
        var others = Directory.EnumerateFiles(paths.Pages, "*.md")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(s => s != slug)
            .OrderBy(s => s == IndexSlug ? "" : s, StringComparer.Ordinal)
            .Select(s => new PageLink(s, Title(File.ReadAllText(Path.Combine(paths.Pages, s + ".md")), s)))
            .ToList();
        return new Model(Title(markdown, slug), ToHtml(markdown), others);
    }

    static string Title(string markdown, string fallback) =>
        markdown.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? fallback;
}
