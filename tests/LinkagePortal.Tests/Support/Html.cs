using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace LinkagePortal.Tests.Support;

/// <summary>Pages are parsed, not string-matched.</summary>
public static class Html
{
    public static async Task<IDocument> GetPageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} gave {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        return new HtmlParser().ParseDocument(text);
    }

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static string Text(this IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
