using LinkagePortal.Rendering;

namespace LinkagePortal.About;

/// <summary>
/// The Markdown pages of <c>content/pages/</c> rendered with Markdig: <c>about.md</c> at <c>/about</c>, every other
/// <c>NAME.md</c> at <c>/about/NAME</c>. A page's title is its first heading. The HTML is the page seam's one
/// Markdown producer's (<see cref="TrustedHtml.FromMarkdown"/>): no raw HTML, no attributes from the text, and only
/// relative, <c>http(s):</c>, <c>mailto:</c> and <c>tel:</c> links.
/// </summary>
public static class AboutPages
{
    public const string IndexSlug = "about";

    public sealed record PageLink(string Slug, string Title)
    {
        public string Href => Slug == IndexSlug ? "/about" : $"/about/{Slug}";
    }

    public sealed record Model(string Title, TrustedHtml Html, IReadOnlyList<PageLink> OtherPages);

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
        return new Model(Title(markdown, slug), TrustedHtml.FromMarkdown(markdown), others);
    }

    static string Title(string markdown, string fallback) =>
        markdown.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? fallback;
}
