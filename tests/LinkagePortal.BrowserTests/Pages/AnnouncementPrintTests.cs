using System.Text;
using System.Text.Json;
using LinkagePortal.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinkagePortal.BrowserTests.Pages;

/// <summary>
/// An announcement printed on A4 for a village notice board: whole tables, nothing cut off at the edge, no page that
/// holds only a line, the 落款 last beside the QR code of the live notice, the portal named only in the page footer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnouncementPrintTests(BrowserFixture browser)
{
    // A4 is 210 mm wide; print.css gives @page 15 mm margins: 180 mm = 680 CSS pixels (96 per inch) to print on.
    const int PrintableWidth = 680;

    // 297 mm less print.css's 15 mm top and 18 mm bottom margins: 264 mm = 997.8 CSS pixels per page.
    const double PrintableHeight = 264 / 25.4 * 96;

    [Fact]
    public async Task The_announcement_prints_on_A4_with_its_project_table_inside_the_printable_width()
    {
        var page = await browser.NewPageAsync((PrintableWidth, 1000));
        await page.GotoAsync("/announcements/wusu-2024-gs-1");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // Screen-only parts are gone, the portal's name with them (it is in the page footer only); the notice, its
        // table, its 落款 and the QR code of its live page remain, the 落款 last.
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "衔接资金公开平台" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "本公告网页的二维码" })).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table).First;
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(8);
        var lastPrinted = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('article.notice *')].filter(e => e.getClientRects().length > 0 && e.children.length === 0).pop().textContent");
        Assert.Equal("2023年12月29日", lastPrinted);

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
        // As many pages as the content fills, and no more: no page is left holding a stray line.
        var height = await page.EvaluateAsync<double>("() => document.documentElement.scrollHeight");
        Assert.Equal((int)Math.Ceiling(height / PrintableHeight), pages);
        Assert.Equal(2, pages);
        // A4 portrait media box: 595 × 842 points.
        Assert.Matches(@"/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+841\.9|/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+842", Encoding.Latin1.GetString(pdf));
    }
}
