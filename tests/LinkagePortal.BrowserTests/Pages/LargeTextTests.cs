using System.Text.Json;
using LinkagePortal.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinkagePortal.BrowserTests.Pages;

/// <summary>
/// On a 390×844 phone, at 200 % text (<see cref="Viewports.PhoneAt200Percent"/>) and in 长辈版: tables read as labelled
/// blocks, no document number, code or amount is split across lines, and nothing is cut off or scrolls sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LargeTextTests(BrowserFixture browser)
{
    /// <summary>The 9号 allocation table (93 counties, long task names) and the county page with the most rows.</summary>
    public static TheoryData<string, string> Pages => new()
    {
        { "/documents/xcz-2024-9", "phone" },
        { "/documents/xcz-2024-9", "200%" },
        { "/regions/654202", "phone" },
        { "/regions/654202", "200%" },
        { "/announcements/wusu-2024-gs-1", "200%" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_number_code_or_amount_is_split_and_nothing_is_cut_off(string path, string size)
    {
        var page = await browser.NewPageAsync(size == "phone" ? Viewports.Phone : Viewports.PhoneAt200Percent);
        await page.GotoAsync(path);

        var measured = await Measure(page);

        Assert.True(measured.GetProperty("kept").GetInt32() >= 10, $"only {measured.GetProperty("kept")} numbers kept whole on {path}");
        Assert.Equal("", measured.GetProperty("split").GetString());
        Assert.Equal("", measured.GetProperty("cut").GetString());
        Assert.Equal("", measured.GetProperty("tables").GetString());
        Assert.True(measured.GetProperty("pageWidth").GetInt32() <= measured.GetProperty("viewport").GetInt32(),
            $"{path} is {measured.GetProperty("pageWidth")}px wide on a {measured.GetProperty("viewport")}px screen");
    }

    [Fact]
    public async Task On_a_phone_a_table_row_is_a_block_whose_figures_carry_their_column_headers()
    {
        var page = await browser.NewPageAsync(Viewports.Phone);
        await page.GotoAsync("/documents/xcz-2024-9");

        var wusu = page.Locator("tr[data-region='654202']");
        var cell = wusu.Locator("td.num").First;
        Assert.Equal("block", await cell.EvaluateAsync<string>("c => getComputedStyle(c).display"));
        Assert.Equal("巩固拓展脱贫攻坚成果和乡村振兴任务", await cell.GetAttributeAsync("data-label"));
        var label = await cell.EvaluateAsync<string>("c => getComputedStyle(c, '::before').content");
        Assert.True(label.Contains("巩固拓展脱贫攻坚成果和乡村振兴任务", StringComparison.Ordinal) || label.StartsWith("attr(data-label)", StringComparison.Ordinal), label);
        var name = await wusu.Locator("th").BoundingBoxAsync();
        var figure = await cell.BoundingBoxAsync();
        Assert.True(figure!.Y >= name!.Y + name.Height - 1, "the figure is not below the county's name");
        var box = await wusu.BoundingBoxAsync();
        Assert.True(box!.Width <= Viewports.Phone.Width, $"乌苏市's row is {box.Width}px wide");
    }

    [Fact]
    public async Task Large_type_is_switched_on_with_a_link_stays_on_from_page_to_page_and_fits_a_phone()
    {
        var page = await browser.NewPageAsync(Viewports.Phone);
        await page.GotoAsync("/regions/654202");
        Assert.Equal("16px", await FontSize(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "长辈版（大字）" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/regions/654202$"));
        Assert.Equal("22px", await FontSize(page));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "标准字号" })).ToBeVisibleAsync();

        await page.GotoAsync("/documents/xcz-2024-9");
        Assert.Equal("22px", await FontSize(page));
        var measured = await Measure(page);
        Assert.Equal("", measured.GetProperty("split").GetString());
        Assert.Equal("", measured.GetProperty("cut").GetString());
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "标准字号" }).ClickAsync();
        Assert.Equal("16px", await FontSize(page));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "长辈版（大字）" })).ToBeVisibleAsync();
    }

    static Task<string> FontSize(IPage page) => page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize");

    /// <summary>
    /// Every .nowrap (document number, code, amount, date, telephone) must sit on one line (one client rect) inside the
    /// screen; every table must be no wider than its box; the page no wider than the screen.
    /// </summary>
    static Task<JsonElement> Measure(IPage page) => page.EvaluateAsync<JsonElement>("""
        () => {
          const viewport = document.documentElement.clientWidth;
          const kept = [...document.querySelectorAll('main .nowrap')].filter(e => e.getClientRects().length > 0);
          const split = kept.filter(e => e.getClientRects().length > 1).map(e => e.textContent).slice(0, 5).join(' | ');
          const cut = kept.filter(e => e.getBoundingClientRect().right > viewport + 0.5 || e.getBoundingClientRect().left < -0.5)
            .map(e => `${e.textContent} (${Math.round(e.getBoundingClientRect().left)}–${Math.round(e.getBoundingClientRect().right)}px in ${e.parentElement.tagName.toLowerCase()}.${e.parentElement.className} < ${e.parentElement.parentElement.tagName.toLowerCase()}.${e.parentElement.parentElement.className})`).slice(0, 5).join(' | ');
          const tables = [...document.querySelectorAll('main table')].filter(t => t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > viewport + 0.5)
            .map(t => `${t.caption ? t.caption.textContent : t.className}: ${t.scrollWidth} > ${t.clientWidth}`).join(' | ');
          return { kept: kept.length, split, cut, tables, pageWidth: document.documentElement.scrollWidth, viewport };
        }
        """);
}
