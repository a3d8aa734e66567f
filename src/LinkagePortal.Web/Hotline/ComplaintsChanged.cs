using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Keys;
using LinkagePortal.Rendering;
using Microsoft.AspNetCore.OutputCaching;

namespace LinkagePortal.Hotline;

/// <summary>
/// A project's page shows its complaint counts, and its county's page the county's complaint handling; both are held in
/// the output cache until the next import. A recorded complaint or status change evicts those two pages only (tags
/// <see cref="PageCache.ProjectTag"/> and <see cref="PageCache.CountyTag"/>): at once on the node that took the write,
/// and within seconds on the other nodes of a farm, which notice that the audit log grew (every accepted write appends
/// to it) and evict the pages of the complaints changed since they last looked.
/// </summary>
public sealed class ComplaintsChanged(Db db, IOutputCacheStore cache, TimeProvider clock, ILogger<ComplaintsChanged> logger) : BackgroundService
{
    const string LastAuditEntry = "SELECT COALESCE(MAX(id), 0) FROM audit_log";

    // The projects of complaints changed since a time (a minute before this node last looked, for the nodes' clocks).
    const string ChangedSince = """
        SELECT DISTINCT c.project_id AS ProjectId, p.county_code AS CountyCode
        FROM complaints c JOIN projects p ON p.id = c.project_id
        WHERE c.updated_at >= @since
        """;

    static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(1);

    long seen = -1;
    DateTime lookedAt;

    /// <summary>After a write on this node about the project <paramref name="projectId"/> of <paramref name="countyCode"/>.</summary>
    public async Task EvictAsync(long projectId, string countyCode, CancellationToken cancellationToken = default)
    {
        await EvictPagesAsync(projectId, countyCode, cancellationToken);
        seen = await LastEntryAsync(cancellationToken);
    }

    async Task EvictPagesAsync(long projectId, string countyCode, CancellationToken cancellationToken)
    {
        await cache.EvictByTagAsync(PageCache.ProjectTag(projectId), cancellationToken);
        await cache.EvictByTagAsync(PageCache.CountyTag(countyCode), cancellationToken);
    }

    async Task<long> LastEntryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(LastAuditEntry);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        do
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var last = await LastEntryAsync(stoppingToken);
                if (seen >= 0 && last != seen)
                {
                    logger.LogInformation("Complaints changed on another node: evicting their projects' and counties' pages");
                    await using var connection = await db.OpenAsync(stoppingToken);
                    var changed = await connection.QueryAsync<(long ProjectId, string CountyCode)>(ChangedSince, new { since = lookedAt - ClockMargin });
                    foreach (var (projectId, countyCode) in changed)
                    {
                        await EvictPagesAsync(projectId, countyCode, stoppingToken);
                    }
                }

                (seen, lookedAt) = (last, now);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not read the audit log's last entry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
