using Dapper;
using Microsoft.AspNetCore.OutputCaching;

namespace LinkagePortal.Data;

/// <summary>
/// The database's data version (bumped by every import) seen by this web node. When it moves, whether the import ran
/// here or on another node of a farm sharing one SQL Server, the node evicts the cached pages of the counties the
/// imports since changed and the pages that show more than one county (<see cref="ChangedCounties"/>), or, when what
/// they changed is not recorded, every cached page (the <c>data</c> tag).
/// </summary>
public sealed class DataVersion(Db db, IOutputCacheStore cache, ILogger<DataVersion> logger) : BackgroundService
{
    /// <summary>The tag of every cached response.</summary>
    public const string CacheTag = "data";

    /// <summary>The tag of cached responses that show more than one county's data: evicted by every import.</summary>
    public const string WideTag = "data:wide";

    /// <summary>The tag of a cached response that shows the data of this county only (instead of <see cref="WideTag"/>).</summary>
    public static string CountyDataTag(string countyCode) => "data:" + countyCode;

    const string Read = "SELECT version, changed_at AS changedAt FROM data_version WHERE id = 1";

    public long Version { get; private set; } = -1;
    public DateTime ChangedAt { get; private set; }

    /// <summary>When the data were last imported (UTC), or null before the version is first read.</summary>
    public DateTime? DataAsOf() => Version < 0 ? null : ChangedAt;

    // One refresh at a time (the poll and an import on this node): a version read before another refresh's must not
    // be set after it, which would move the version back and forth.
    readonly SemaphoreSlim refreshing = new(1, 1);

    /// <summary>Reads the version; evicts the cache when it differs from the last one seen.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            var row = await connection.QuerySingleAsync<(long Version, DateTime ChangedAt)>(Read);
            if (row.Version != Version)
            {
                var seen = Version;
                (Version, ChangedAt) = (row.Version, DateTime.SpecifyKind(row.ChangedAt, DateTimeKind.Utc));
                if (seen >= 0)
                {
                    await EvictAsync(await ChangedCounties.BetweenAsync(connection, seen, row.Version, cancellationToken), cancellationToken);
                }
            }
        }
        finally
        {
            refreshing.Release();
        }
    }

    async Task EvictAsync(IReadOnlySet<string>? counties, CancellationToken cancellationToken)
    {
        if (counties is null)
        {
            logger.LogInformation("Data version {Version}: evicting every cached page", Version);
            await cache.EvictByTagAsync(CacheTag, cancellationToken);
            return;
        }

        logger.LogInformation("Data version {Version}: evicting the pages of more than one county and of {Counties}", Version, string.Join(" ", counties));
        await cache.EvictByTagAsync(WideTag, cancellationToken);
        foreach (var county in counties)
        {
            await cache.EvictByTagAsync(CountyDataTag(county), cancellationToken);
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
