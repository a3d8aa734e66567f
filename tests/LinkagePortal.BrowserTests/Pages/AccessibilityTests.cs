using LinkagePortal.BrowserTests.Support;

namespace LinkagePortal.BrowserTests.Pages;

/// <summary>axe-core on every kind of page: no serious or critical violations.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(PageTypes.All), MemberType = typeof(PageTypes))]
    public async Task The_page_has_no_serious_accessibility_violations(string path)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);

        await page.AssertNoSeriousViolationsAsync();
    }
}
