using System.Text;
using System.Text.Json;
using LinkagePortal.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinkagePortal.BrowserTests.Pages;

/// <summary>An announcement printed on A4 for a village notice board: whole tables, nothing cut off at the edge.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnouncementPrintTests(BrowserFixture browser)
{
    // A4 is 210 mm wide; print.css gives @page 15 mm margins: 180 mm = 680 CSS pixels (96 per inch) to print on.
    const int PrintableWidth = 680;

    [Fact]
    public async Task The_announcement_prints_on_A4_with_its_project_table_inside_the_printable_width()
    {
        var page = await browser.NewPageAsync((PrintableWidth, 1000));
        await page.GotoAsync("/announcements/wusu-2024-gs-1");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // Screen-only parts are gone, the notice and its table remain.
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToBeHiddenAsync();
        var table = page.GetByRole(AriaRole.Table).First;
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(8);

        var overflow = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('table')].map(t => ({
              right: t.getBoundingClientRect().right,
              width: t.scrollWidth,
              box: t.clientWidth,
              cells: [...t.querySelectorAll('th, td')].filter(c => c.scrollWidth > c.clientWidth + 1).length,
            }))
            """);
        foreach (var t in overflow.EnumerateArray())
        {
            Assert.True(t.GetProperty("right").GetDouble() <= PrintableWidth + 0.5, $"a table ends at {t.GetProperty("right")}px, past the {PrintableWidth}px printable width");
            Assert.True(t.GetProperty("width").GetInt32() <= t.GetProperty("box").GetInt32(), "a table is wider than its box");
            Assert.Equal(0, t.GetProperty("cells").GetInt32());
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the printed page is wider than the A4 printable width");

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var pages = System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        Assert.InRange(pages, 1, 3);
        // A4 portrait media box: 595 × 842 points.
        Assert.Matches(@"/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+841\.9|/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+842", Encoding.Latin1.GetString(pdf));
    }
}
