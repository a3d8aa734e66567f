using LinkagePortal.Checks;
using LinkagePortal.Disclosure;
using LinkagePortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Rendering;

/// <summary>
/// Beijing midnight changes only what the timeliness audit and the checks show (due → overdue, the 30-day counts):
/// once the new day's report is in, the pages that show the audit are rendered again with the new date, while a project
/// or a document page goes on being served from the cache (an Age header, which only the cache adds).
/// </summary>
public sealed class DayChangeTests : ClockedPortalTests
{
    async Task BackgroundDoneAsync()
    {
        await Portal.Services.GetRequiredService<TimelinessAudit>().RefreshAsync(CancellationToken.None);
        await Portal.Services.GetRequiredService<CheckResults>().EnsureCurrentAsync();
    }

    async Task<bool> FromCacheAsync(string url) => (await Client.GetAsync(url)).Headers.Age is not null;

    [Fact]
    public async Task After_beijing_midnight_only_the_pages_showing_the_audit_are_rendered_again()
    {
        var project = $"/projects/{Portal.ProjectId("654202-2024-001")}";
        string[] unchanged = [project, "/documents/xcz-2024-9", "/announcements/wusu-2024-gs-1"];
        string[] audited = ["/disclosure", "/regions/654202", "/regions/65"];
        await BackgroundDoneAsync();
        foreach (var url in unchanged.Concat(audited))
        {
            await Client.GetAsync(url);
            Assert.True(await FromCacheAsync(url), $"{url} was not cached");
        }

        Assert.Contains("核查日期：2026年6月1日", (await Client.GetPageAsync("/disclosure")).QuerySelector("p.lead")!.Text(), StringComparison.Ordinal);

        Portal.Clock.Set(new DateTimeOffset(2026, 6, 2, 0, 30, 0, TimeSpan.FromHours(8)));
        await BackgroundDoneAsync();

        foreach (var url in unchanged)
        {
            Assert.True(await FromCacheAsync(url), $"{url} was rendered again after midnight although nothing on it changed");
        }

        foreach (var url in audited)
        {
            Assert.False(await FromCacheAsync(url), $"{url} still showed the previous day's audit");
        }

        Assert.Contains("核查日期：2026年6月2日", (await Client.GetPageAsync("/disclosure")).QuerySelector("p.lead")!.Text(), StringComparison.Ordinal);
    }
}
