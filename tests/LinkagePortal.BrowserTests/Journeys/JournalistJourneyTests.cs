using System.Text;
using System.Text.RegularExpressions;
using LinkagePortal.BrowserTests.Support;
using Microsoft.Playwright;

namespace LinkagePortal.BrowserTests.Journeys;

/// <summary>A journalist takes Wusu's projects away as a spreadsheet file.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JournalistJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_CSV_of_Wusus_projects_downloads_with_a_byte_order_mark_and_its_13_linkage_fund_projects()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/regions/654202");

        var linkageProjects = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^衔接资金项目") });
        var download = await page.RunAndWaitForDownloadAsync(() =>
            linkageProjects.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("CSV") }).ClickAsync());
        var file = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(file);

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var rows = lines[1..];
        Assert.Equal(13, rows.Length);
        Assert.All(rows, row => Assert.StartsWith("654202-2024-", row));
        Assert.Contains(rows, row => row.Contains("乌苏市西大沟镇科克萨拉村道路建设项目", StringComparison.Ordinal));
    }
}
