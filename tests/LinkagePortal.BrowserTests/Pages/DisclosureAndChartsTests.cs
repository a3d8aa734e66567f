using System.Text.Json;
using LinkagePortal.BrowserTests.Support;

namespace LinkagePortal.BrowserTests.Pages;

/// <summary>
/// On a 390×844 phone, at normal and at 200 % text: the disclosure page shows both clocks with their rules, and the
/// charts draw (bars inside the screen) with their data tables a tap away.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DisclosureAndChartsTests(BrowserFixture browser)
{
    /// <summary>Doubles the root font size, as a reader's 200 % text setting does (scripted style changes are not inline markup, so the CSP allows them).</summary>
    const string LargeText = "() => { document.documentElement.style.fontSize = '200%'; }";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_disclosure_page_shows_both_clocks_with_their_rules_on_a_phone(bool largeText)
    {
        var page = await browser.NewPageAsync(Viewports.Phone);
        await page.GotoAsync("/disclosure");
        if (largeText)
        {
            await page.EvaluateAsync(LargeText);
        }

        var clocks = page.Locator("table.clock-table");
        await clocks.ScrollIntoViewIfNeededAsync();
        Assert.Equal(["20日", "20个工作日"], await clocks.Locator("thead th[id^=clock-]").AllInnerTextsAsync());
        foreach (var header in await clocks.Locator("thead th[id^=clock-]").AllAsync())
        {
            var box = (await header.BoundingBoxAsync())!;
            Assert.True(box.Width > 0 && box.X >= 0, $"clock header at {box.X}+{box.Width}");
        }

        Assert.Contains("第二十六条", await page.Locator("#rule-working").Locator("..").InnerTextAsync());
        Assert.Contains("伽师县", await page.Locator("#rule-calendar").Locator("..").InnerTextAsync());
    }

    [Theory]
    [InlineData("/documents/xcz-2024-9", "#chart-prefectures", false)]
    [InlineData("/documents/xcz-2024-9", "#chart-prefectures", true)]
    [InlineData("/regions/6542", "#chart-counties", false)]
    [InlineData("/regions/654202", "#chart-received", true)]
    public async Task A_chart_draws_inside_the_screen_and_opens_its_table(string path, string chart, bool largeText)
    {
        var page = await browser.NewPageAsync(Viewports.Phone);
        await page.GotoAsync(path);
        if (largeText)
        {
            await page.EvaluateAsync(LargeText);
        }

        var figure = page.Locator(chart);
        await figure.ScrollIntoViewIfNeededAsync();
        var drawn = await figure.Locator("svg").EvaluateAsync<JsonElement>("""
            svg => {
              const box = svg.getBoundingClientRect();
              const bars = [...svg.querySelectorAll('rect')].map(r => r.getBoundingClientRect()).filter(r => r.width > 0);
              return { width: box.width, height: box.height, right: box.right, bars: bars.length,
                       barsRight: Math.max(...bars.map(r => r.right)), viewport: document.documentElement.clientWidth };
            }
            """);
        Assert.True(drawn.GetProperty("width").GetDouble() > 200, $"{chart} is {drawn.GetProperty("width")}px wide");
        Assert.True(drawn.GetProperty("height").GetDouble() > 50);
        Assert.True(drawn.GetProperty("bars").GetInt32() > 1);
        Assert.True(drawn.GetProperty("right").GetDouble() <= drawn.GetProperty("viewport").GetDouble() + 0.5);

        var table = figure.Locator("table.chart-table");
        Assert.False(await table.IsVisibleAsync());
        await figure.Locator("summary").ClickAsync();
        Assert.True(await table.IsVisibleAsync());
        Assert.True(await table.Locator("tbody tr").CountAsync() > 1);
    }
}
