using Markdig;

namespace LinkagePortal.Rendering;

/// <summary>
/// HTML that the page seam writes as it is; every other value a template writes is HTML-encoded. Only two producers
/// make one: the seam itself (a rendered template or partial) and <see cref="FromMarkdown"/>. The constructor is
/// internal, so neither a template nor a view model can turn data into markup.
/// </summary>
public sealed class TrustedHtml
{
    internal TrustedHtml(string html) => Html = html;

    internal string Html { get; }

    /// <summary>Markdown rendered by Markdig with the caller's pipeline (which decides what raw HTML may pass).</summary>
    public static TrustedHtml FromMarkdown(string markdown, MarkdownPipeline pipeline) => new(Markdown.ToHtml(markdown, pipeline));

    public override string ToString() => Html;
}
