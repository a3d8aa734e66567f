using System.Text.RegularExpressions;
using LinkagePortal.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinkagePortal.BrowserTests.Journeys;

/// <summary>A villager on a phone walks down from the home page to their village and opens one of its projects.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CitizenJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task From_the_home_page_through_prefecture_county_and_township_to_a_project_in_Kekesala()
    {
        var page = await browser.NewPageAsync(Viewports.Phone);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Region, new() { Name = "按地区查看" }).GetByRole(AriaRole.Link, new() { Name = "塔城地区", Exact = true }).ClickAsync();
        await ExpectRegionAsync(page, "6542", "塔城地区");

        await ChildRegion(page, "乌苏市").ClickAsync();
        await ExpectRegionAsync(page, "654202", "乌苏市");

        await ChildRegion(page, "西大沟镇").ClickAsync();
        await ExpectRegionAsync(page, "654202109", "西大沟镇");

        await ChildRegion(page, "科克萨拉村").ClickAsync();
        await ExpectRegionAsync(page, "654202109200", "科克萨拉村");

        // The village lists its two announced projects; the hotline that applies is one tap away.
        var projects = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^衔接资金项目：2个") });
        await Expect(projects.GetByRole(AriaRole.Rowheader)).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "0992-8508532" }).First).ToBeVisibleAsync();

        await projects.GetByRole(AriaRole.Link, new() { Name = "乌苏市西大沟镇科克萨拉村道路建设项目" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/projects/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("乌苏市西大沟镇科克萨拉村道路建设项目");
        await Expect(page.GetByText("654202-2024-010").First).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex(@"^380(\.0+)?\s万元$")).First).ToBeVisibleAsync();
    }

    /// <summary>The link to a child region in the region page's list of what lies below it.</summary>
    static ILocator ChildRegion(IPage page, string name) =>
        page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^下辖") }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    static async Task ExpectRegionAsync(IPage page, string code, string name)
    {
        await Expect(page).ToHaveURLAsync(new Regex($"/regions/{code}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "位置" })).ToBeVisibleAsync();
    }
}
