using System.Text.RegularExpressions;
using LinkagePortal.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinkagePortal.BrowserTests.Regions;

/// <summary>
/// On a 390×844 phone, a village in a county the documents do not detail (燕儿窝南社区, 天山区) is worth opening: its
/// county's money by document, the statement that the county has listed no project, and the county's disclosure status.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VillagePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_village_outside_the_detailed_county_shows_its_countys_money_and_disclosure_status_on_a_phone()
    {
        var page = await browser.NewPageAsync(Viewports.Phone);
        await page.GotoAsync("/regions/650102002002");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("燕儿窝南社区");
        var money = page.GetByRole(AriaRole.Region, new() { Name = "天山区收到的资金" });
        await Expect(money.Locator(".county-received")).ToContainTextAsync(new Regex(@"新财振〔2024〕9号\s114\s万元"));
        await Expect(money.GetByRole(AriaRole.Link, new() { Name = "新财振〔2024〕9号" }).First).ToBeVisibleAsync();
        await Expect(page.Locator(".no-projects")).ToContainTextAsync("天山区还没有公布衔接资金项目清单");
        await Expect(page.Locator(".no-contact")).ToBeVisibleAsync();

        var disclosure = page.GetByRole(AriaRole.Region, new() { Name = "公开时限" });
        await Expect(disclosure).ToContainTextAsync("天山区");
        await disclosure.ScrollIntoViewIfNeededAsync();
        await Expect(disclosure).ToBeInViewportAsync();

        // The amount stays whole on a narrow screen: "114 万元" on one line, in the table and in the summary.
        foreach (var amount in new[] { money.Locator("td.num").First, money.Locator(".county-received strong").First })
        {
            var lines = await amount.EvaluateAsync<int>("""
                e => { const r = document.createRange(); r.selectNodeContents(e); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }
                """);
            Assert.Equal(1, lines);
        }
    }
}
