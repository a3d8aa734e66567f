using System.Text.RegularExpressions;
using LinkagePortal.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinkagePortal.BrowserTests.Journeys;

/// <summary>A hotline operator, mid-call, types part of the village's name and reaches the project's code.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HotlineJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Typing_a_village_fragment_shows_its_projects_as_you_type_and_leads_to_the_project_code()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "监督查询" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/hotline$"));

        // Typed key by key as the caller spells it out; results come without pressing Enter.
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "村名、乡镇、项目名称、责任单位或项目编号" }).PressSequentiallyAsync("科克萨拉", new() { Delay = 50 });

        var result = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("654202-2024-010") });
        await Expect(result).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("654202-2024-011") })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/hotline"));

        await result.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/projects/\d+$"));
        await Expect(page.GetByText("654202-2024-010").First).ToBeVisibleAsync();
    }
}
