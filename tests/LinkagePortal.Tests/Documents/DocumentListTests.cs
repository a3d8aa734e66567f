using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Documents;

/// <summary><c>/documents</c>: every public document, newest first, each linking to its page.</summary>
public sealed class DocumentListTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_documents_are_listed_newest_first_with_the_undated_ones_last()
    {
        var page = await portal.CreateClient().GetPageAsync("/documents");

        var items = page.QuerySelectorAll(".document-list li").ToList();
        Assert.True(items.Count >= 10, $"{items.Count} documents listed");
        var dates = items.Select(li => li.QuerySelector("time")?.GetAttribute("datetime")).ToList();
        var dated = dates.TakeWhile(d => d is not null).ToList();
        Assert.Equal(dated.OrderDescending(StringComparer.Ordinal), dated);
        Assert.All(dates.Skip(dated.Count), d => Assert.Null(d));
        var nine = Assert.Single(items, li => li.QuerySelector("a")!.GetAttribute("href") == "/documents/xcz-2024-9");
        Assert.StartsWith("新财振〔2024〕9号", nine.QuerySelector("a")!.Text());
        Assert.Contains("新疆维吾尔自治区财政厅", nine.Text());
        Assert.Equal("/documents", page.QuerySelector("nav[aria-label=主导航] a[href='/documents']")!.GetAttribute("href"));
    }
}
