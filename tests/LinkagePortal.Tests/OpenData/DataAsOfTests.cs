using System.Globalization;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

/// <summary>When the data were last updated: a Data-As-Of header on API responses and one line on every page.</summary>
public class DataAsOfTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    readonly HttpClient client = portal.CreateClient();

    [SkippableFact]
    public async Task Api_responses_say_when_their_data_last_changed_in_beijing_time()
    {
        foreach (var url in new[] { "/api/v1/projects?limit=1", "/api/v1/regions.csv", "/api/v1/documents/xcz-2024-9" })
        {
            var response = await client.GetAsync(url);
            var stamp = Assert.Single(response.Headers.GetValues("Data-As-Of"));

            Assert.EndsWith("+08:00", stamp);
            Assert.Equal(response.Content.Headers.LastModified, DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture));
        }
    }

    [SkippableFact]
    public async Task Every_page_carries_the_data_as_of_line()
    {
        foreach (var url in new[] { "/", "/regions/654202", "/datasets" })
        {
            var page = await client.GetPageAsync(url);
            var line = page.QuerySelector(".data-as-of");

            Assert.True(line is not null, $"{url} has no 数据更新至 line");
            Assert.StartsWith("数据更新至", line!.TextContent.Trim());
            Assert.EndsWith("+08:00", line.QuerySelector("time")!.GetAttribute("datetime"));
        }
    }
}
