using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LinkagePortal.Rendering;

/// <summary>
/// HTML that the page seam writes as it is; every other value a template writes is HTML-encoded. Only two producers
/// make one: the seam itself (a rendered template or partial) and <see cref="FromMarkdown"/>. The constructor is
/// internal, so neither a template nor a view model can turn data into markup.
/// </summary>
public sealed class TrustedHtml
{
    // Markdig's advanced extensions less those that take attributes or embeds from the text (generic attributes,
    // media), and no raw HTML.
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAbbreviations().UseAutoIdentifiers().UseDefinitionLists().UseEmphasisExtras().UseFigures().UseFootnotes()
        .UseGridTables().UsePipeTables().UseListExtras().UseTaskLists().UseAutoLinks()
        .DisableHtml().Build();

    static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    internal TrustedHtml(string html) => Html = html;

    internal string Html { get; }

    /// <summary>
    /// Markdown as HTML we produced: raw HTML in the text is not passed through, no extension writes attributes from
    /// the text, and a link or image whose address is not relative, <c>http(s):</c>, <c>mailto:</c> or <c>tel:</c>
    /// (e.g. <c>javascript:</c>, <c>data:</c>) is rendered as its text only.
    /// </summary>
    public static TrustedHtml FromMarkdown(string markdown)
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
        return new TrustedHtml(writer.ToString());
    }

    /// <summary>A relative address, or one with an allowed scheme (browsers ignore spaces and controls inside a scheme).</summary>
    public static bool Allowed(string? url)
    {
        var clean = new string((url ?? "").Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = clean.IndexOf(':', StringComparison.Ordinal);
        var end = clean.IndexOfAny(['/', '?', '#']);
        return colon < 0 || end >= 0 && end < colon || AllowedSchemes.Contains(clean[..colon].ToLowerInvariant());
    }

    public override string ToString() => Html;
}
