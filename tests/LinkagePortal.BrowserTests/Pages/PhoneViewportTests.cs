using System.Text.Json;
using LinkagePortal.BrowserTests.Support;

namespace LinkagePortal.BrowserTests.Pages;

/// <summary>
/// On a 390×844 phone, and on the same phone with its text at 200 % (<see cref="Viewports.PhoneAt200Percent"/>), no
/// page scrolls sideways and nothing sticks out of the screen: table rows become labelled blocks.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneViewportTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(PageTypes.All), MemberType = typeof(PageTypes))]
    public Task The_page_does_not_scroll_horizontally_on_a_phone(string path) => AssertFits(path, Viewports.Phone);

    [Theory]
    [MemberData(nameof(PageTypes.All), MemberType = typeof(PageTypes))]
    public Task The_page_does_not_scroll_horizontally_on_a_phone_at_200_percent_text(string path) => AssertFits(path, Viewports.PhoneAt200Percent);

    async Task AssertFits(string path, (int Width, int Height) screen)
    {
        var page = await browser.NewPageAsync(screen);
        await page.GotoAsync(path);

        var measured = await page.EvaluateAsync<JsonElement>("""
            () => {
              const viewport = document.documentElement.clientWidth;
              // The element that sticks out furthest to the right, to say what to fix.
              let widest = '';
              let right = viewport;
              for (const e of document.body.querySelectorAll('*')) {
                const r = e.getBoundingClientRect().right;
                if (r > right + 0.5) { right = r; widest = `${e.tagName.toLowerCase()}.${e.className} (${Math.round(r)}px)`; }
              }
              return { pageWidth: document.documentElement.scrollWidth, viewport, widest };
            }
            """);

        var (pageWidth, viewportWidth) = (measured.GetProperty("pageWidth").GetInt32(), measured.GetProperty("viewport").GetInt32());
        var widest = measured.GetProperty("widest").GetString();
        Assert.True(pageWidth <= viewportWidth, $"{path} is {pageWidth}px wide on a {viewportWidth}px screen; widest: {widest}");
    }
}
