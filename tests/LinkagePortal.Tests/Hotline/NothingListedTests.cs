using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hotline;

/// <summary>
/// A caller names a real village where no project is listed: the lookup says plainly that nothing is listed there,
/// not "nothing found" as if the name were mistyped, and offers the county's page (in the API and on the page).
/// </summary>
public class NothingListedTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableFact]
    public async Task The_api_names_the_place_with_nothing_listed_and_its_countys_page()
    {
        var response = await portal.CreateClient().GetAsync($"/api/v1/lookup?q={Uri.EscapeDataString("燕儿窝南社区")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(body.GetProperty("results").EnumerateArray());
        Assert.Contains("没有列出位于燕儿窝南社区（天山区）的项目", body.GetProperty("message").GetString());
        var place = body.GetProperty("nothingListedAt").EnumerateArray().Single();
        Assert.Equal("650102002002", place.GetProperty("code").GetString());
        Assert.Equal("天山区", place.GetProperty("county").GetString());
        Assert.Equal("/regions/650102", place.GetProperty("countyUrl").GetString());
    }

    [SkippableFact]
    public async Task The_page_without_javascript_says_the_same_and_links_every_namesakes_county()
    {
        var page = await portal.CreateClient().GetPageAsync($"/hotline?q={Uri.EscapeDataString("西湖村")}");

        Assert.Contains("没有列出位于", page.QuerySelector("#hotline-status")!.Text());
        Assert.DoesNotContain("没有找到", page.QuerySelector("#hotline-status")!.Text());
        Assert.Equal(["/regions/653123", "/regions/654202"],
            page.QuerySelectorAll("#hotline-places a.county-page").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Text_that_names_no_place_still_suggests_typing_less()
    {
        var response = await portal.CreateClient().GetAsync($"/api/v1/lookup?q={Uri.EscapeDataString("并无此名之处")}");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(body.GetProperty("nothingListedAt").EnumerateArray());
        Assert.StartsWith("没有找到与“并无此名之处”有关的项目", body.GetProperty("message").GetString());
    }
}
