using System.Net;
using System.Net.Http.Json;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hotline;

/// <summary>
/// A complaint evicts its own project's cached page and its county's, and nothing else: another project's page and
/// another county's page go on being served from the cache (they carry an Age header, which only the cache adds).
/// </summary>
public sealed class ComplaintEvictionTests : IDisposable
{
    readonly HotlinePortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_complaint_on_one_project_leaves_other_projects_and_counties_in_the_cache()
    {
        var complained = portal.ProjectId("654202-2024-011");
        var other = portal.ProjectId("654202-2024-001");
        var client = portal.CreateClient();
        foreach (var url in new[] { $"/projects/{complained}", $"/projects/{other}", "/regions/654202", "/regions/654201" })
        {
            await client.GetAsync(url);
            Assert.NotNull((await client.GetAsync(url)).Headers.Age);
        }

        var writer = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市纪委监委", "654202"));
        var posted = await writer.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(complained, "EV-1"));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var page = await client.GetAsync($"/projects/{complained}");
        Assert.Null(page.Headers.Age);
        Assert.Contains("complaints-total", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await client.GetAsync("/regions/654202")).Headers.Age);
        Assert.NotNull((await client.GetAsync($"/projects/{other}")).Headers.Age);
        Assert.NotNull((await client.GetAsync("/regions/654201")).Headers.Age);
    }
}
