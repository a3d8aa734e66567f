using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Keys;
using Microsoft.AspNetCore.OutputCaching;

namespace LinkagePortal.Hotline;

/// <summary>
/// A project's page shows its complaint counts and is held in the output cache until the next import. A recorded
/// complaint or status change evicts the cached pages: at once on the node that took the write, and within seconds on
/// the other nodes of a farm, which notice that the audit log grew (every accepted write appends to it).
/// </summary>
public sealed class ComplaintsChanged(Db db, IOutputCacheStore cache, ILogger<ComplaintsChanged> logger) : BackgroundService
{
    const string LastAuditEntry = "SELECT COALESCE(MAX(id), 0) FROM audit_log";

    long seen = -1;

    /// <summary>After a write on this node.</summary>
    public async Task EvictAsync(CancellationToken cancellationToken = default)
    {
        await cache.EvictByTagAsync(DataVersion.CacheTag, cancellationToken);
        seen = await LastEntryAsync(cancellationToken);
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
                var last = await LastEntryAsync(stoppingToken);
                if (seen >= 0 && last != seen)
                {
                    logger.LogInformation("Complaints changed on another node: evicting cached pages");
                    await cache.EvictByTagAsync(DataVersion.CacheTag, stoppingToken);
                }

                seen = last;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not read the audit log's last entry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
