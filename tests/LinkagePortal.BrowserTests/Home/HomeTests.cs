using LinkagePortal.BrowserTests.Support;
using Microsoft.Playwright;

namespace LinkagePortal.BrowserTests.Home;

[Collection(BrowserCollection.Name)]
public sealed class HomeTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_home_page_names_the_portal_and_leads_to_the_prefectures()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("衔接推进乡村振兴补助资金");
        var prefectures = page.GetByRole(AriaRole.Region, new() { Name = "按地区查看" });
        await Assertions.Expect(prefectures.GetByRole(AriaRole.Link, new() { Name = "塔城地区", Exact = true })).ToHaveAttributeAsync("href", "/regions/6542");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToBeVisibleAsync();
    }
}
