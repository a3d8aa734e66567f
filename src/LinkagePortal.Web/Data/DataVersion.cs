using Dapper;
using Microsoft.AspNetCore.OutputCaching;

namespace LinkagePortal.Data;

/// <summary>
/// The database's data version (bumped by every import) seen by this web node. When it moves, whether the import ran
/// here or on another node of a farm sharing one SQL Server, the node's output cache is evicted by the <c>data</c> tag.
/// </summary>
public sealed class DataVersion(Db db, IOutputCacheStore cache, ILogger<DataVersion> logger) : BackgroundService
{
    public const string CacheTag = "data";
    const string Read = "SELECT version, changed_at AS changedAt FROM data_version WHERE id = 1";

    public long Version { get; private set; } = -1;
    public DateTime ChangedAt { get; private set; }

    /// <summary>When the data were last imported (UTC), or null before the version is first read.</summary>
    public DateTime? DataAsOf() => Version < 0 ? null : ChangedAt;

    /// <summary>Reads the version; evicts the cache when it differs from the last one seen.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Version, DateTime ChangedAt)>(Read);
        if (row.Version != Version)
        {
            var first = Version < 0;
            (Version, ChangedAt) = (row.Version, DateTime.SpecifyKind(row.ChangedAt, DateTimeKind.Utc));
            if (!first)
            {
                logger.LogInformation("Data version {Version}: evicting cached pages", Version);
                await cache.EvictByTagAsync(CacheTag, cancellationToken);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not read the data version");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
