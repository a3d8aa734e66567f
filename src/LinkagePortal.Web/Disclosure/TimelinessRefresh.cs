namespace LinkagePortal.Disclosure;

/// <summary>
/// Computes the timeliness report in the background: once at start-up, and whenever an import, an embargo boundary or
/// Beijing midnight has made it out of date (looked at every few seconds), so that no request computes it.
/// </summary>
public sealed class TimelinessRefresh(TimelinessAudit audit, ILogger<TimelinessRefresh> logger) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await audit.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not compute the timeliness report");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
