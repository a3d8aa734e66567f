using System.Text.Json;
using LinkagePortal.BrowserTests.Support;

namespace LinkagePortal.BrowserTests.Pages;

/// <summary>On a 390×844 phone no page scrolls sideways: wide tables scroll inside their own box.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneViewportTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(PageTypes.All), MemberType = typeof(PageTypes))]
    public async Task The_page_does_not_scroll_horizontally_on_a_phone(string path)
    {
        var page = await browser.NewPageAsync(Viewports.Phone);
        await page.GotoAsync(path);

        var measured = await page.EvaluateAsync<JsonElement>("""
            () => {
              const viewport = document.documentElement.clientWidth;
              // The element that sticks out furthest to the right, to say what to fix.
              let widest = '';
              let right = viewport;
              for (const e of document.body.querySelectorAll('*')) {
                const r = e.getBoundingClientRect().right;
                if (r > right + 0.5 && !e.closest('.table-wrap')) { right = r; widest = `${e.tagName.toLowerCase()}.${e.className} (${Math.round(r)}px)`; }
              }
              return { pageWidth: document.documentElement.scrollWidth, viewport, widest };
            }
            """);

        var (pageWidth, viewportWidth) = (measured.GetProperty("pageWidth").GetInt32(), measured.GetProperty("viewport").GetInt32());
        var widest = measured.GetProperty("widest").GetString();
        Assert.True(pageWidth <= viewportWidth, $"{path} is {pageWidth}px wide on a {viewportWidth}px screen; widest: {widest}");
    }
}
