using LinkagePortal.Disclosure;
using LinkagePortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Disclosure;

/// <summary>
/// The timeliness report is computed once and shared: readers arriving together get one computation, and after an
/// import the new report is computed in the background, before anyone asks for it.
/// </summary>
public sealed class TimelinessRefreshTests : IDisposable
{
    readonly ClockedPortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Readers_arriving_together_share_one_computation()
    {
        var audit = portal.Services.GetRequiredService<TimelinessAudit>();

        var reports = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => audit.ReportAsync())));

        Assert.All(reports, r => Assert.Same(reports[0], r));
        Assert.Equal(1, audit.Computations);
    }

    [Fact]
    public async Task After_an_import_the_new_report_is_computed_without_a_request_and_then_served()
    {
        var audit = portal.Services.GetRequiredService<TimelinessAudit>();
        var before = await audit.ReportAsync();
        var computed = audit.Computations;

        TestRecords.Import(portal, TestRecords.Projects(("T11-R-001", "654202", "时限后台刷新测试项目", "2026-05-01", "2026-05-10T10:00:00+08:00", 5m)));
        for (var waited = 0; audit.Computations == computed && waited < 60; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(0.5));
        }

        Assert.Equal(computed + 1, audit.Computations);
        var after = await audit.ReportAsync();
        Assert.Equal(computed + 1, audit.Computations);
        Assert.Equal(before.Area("654202")!.Publication.Total + 1, after.Area("654202")!.Publication.Total);
    }

    [Fact]
    public async Task Imports_coming_faster_than_reports_get_one_computation_at_a_time_and_the_newest_report_is_kept()
    {
        var audit = portal.Services.GetRequiredService<TimelinessAudit>();
        var before = await audit.ReportAsync();

        // Each import is a new data version and asks for a new report while the last one may still be computed.
        var asked = new List<Task>();
        for (var i = 1; i <= 4; i++)
        {
            TestRecords.Import(portal, TestRecords.Projects(($"T11-B-00{i}", "654202", $"时限连续导入测试项目{i}", "2026-05-01", "2026-05-10T10:00:00+08:00", 5m)));
            asked.Add(audit.RefreshAsync(CancellationToken.None));
            asked.Add(audit.LatestReportAsync());
        }

        await Task.WhenAll(asked);
        for (var waited = 0; !await audit.IsCurrentAsync() && waited < 60; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(0.5));
        }

        var after = await audit.ReportAsync();
        Assert.Equal(before.Area("654202")!.Publication.Total + 4, after.Area("654202")!.Publication.Total);
        Assert.Equal(1, audit.MostAtOnce);
    }
}
