using Dapper;
using Microsoft.AspNetCore.OutputCaching;
using LinkagePortal.Data;
using LinkagePortal.Hosting;

namespace LinkagePortal.Checks;

/// <summary>
/// The stored findings (<c>check_results</c>), rebuilt as a whole when what they were built from changes: the data
/// version (an import), the audit log (a recorded complaint or status change), the next publication time passing (an
/// embargoed record becoming public) or the Beijing date (the 30-day and open-too-long counts). Rebuilt in the
/// background, after the first time on a low-priority thread (<see cref="ChecksRefresher"/>, <see cref="Hosting.LowPriority"/>), and, should a
/// request of the checks' own page or API come first, once for all waiting requests; never per request. A county's page
/// does not wait (<see cref="LatestAsync"/>): when a rebuild changes a county's findings, its cached page is evicted.
/// </summary>
public sealed class CheckResults(Db db, TimeProvider clock, ILogger<CheckResults> logger, LowPriority lowPriority, IOutputCacheStore? cache = null) : IBackgroundWork
{
    readonly SemaphoreSlim rebuilding = new(1, 1);
    readonly Lock gate = new();
    Task? background;
    Built? built;

    // Each county's findings as of the last rebuild on this node, summed up by value: which county pages a rebuild evicts.
    Dictionary<string, int>? fingerprints;

    /// <summary>What the stored results reflect; valid while the inputs are the same, before <c>Next</c>, on the same Beijing date.</summary>
    sealed record Built(long DataVersion, long AuditEntry, DateTime? Next, DateOnly BeijingDate, DateTime At);

    sealed record Inputs
    {
        public long DataVersion { get; init; }
        public long AuditEntry { get; init; }
    }

    /// <summary>When the stored results were last rebuilt (UTC), or null before the first build on this node.</summary>
    public DateTime? BuiltAt => built?.At;

    /// <summary>
    /// What the stored results were built from, the same on every node for the same inputs: part of the API's ETag, so
    /// that a complaint, an import, an embargo lifting or a new day gives a new one.
    /// </summary>
    public string Stamp => built is { } b
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{b.DataVersion}.{b.AuditEntry}.{b.Next?.Ticks ?? 0}.{b.BeijingDate.DayNumber}")
        : "";

    /// <summary>Makes sure the stored results are current; rebuilds them (once, whoever asks) when not.</summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken = default)
    {
        if (await IsCurrentAsync(cancellationToken))
        {
            return;
        }

        await rebuilding.WaitAsync(cancellationToken);
        try
        {
            if (!await IsCurrentAsync(cancellationToken))
            {
                await RebuildAsync(cancellationToken);
            }
        }
        finally
        {
            rebuilding.Release();
        }
    }

    /// <summary>
    /// For a page that shows a county's findings: the stored ones as they are, with a rebuild started in the background
    /// when they are out of date. Only before the first rebuild on this node is there a wait.
    /// </summary>
    public async Task LatestAsync(CancellationToken cancellationToken = default)
    {
        if (built is null)
        {
            await EnsureCurrentAsync(cancellationToken);
        }
        else if (!await IsCurrentAsync(cancellationToken))
        {
            _ = RefreshAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Brings the stored results up to date: the rebuild already running, or a new one, on a low-priority thread once
    /// there are results to serve meanwhile.
    /// </summary>
    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (background is not { IsCompleted: false })
            {
                background = built is null
                    ? Task.Run(() => EnsureCurrentAsync(cancellationToken), CancellationToken.None)
                    : lowPriority.RunAsync("accountability checks", () => EnsureCurrentAsync(cancellationToken));
            }

            return background;
        }
    }

    /// <summary>Whether the stored results were built on this node from the present inputs.</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken = default)
    {
        if (built is not { } seen)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(cancellationToken);
        var inputs = await connection.QuerySingleAsync<Inputs>(new CommandDefinition(CheckSql.Inputs, cancellationToken: cancellationToken));
        return inputs.DataVersion == seen.DataVersion && inputs.AuditEntry == seen.AuditEntry
            && (seen.Next is not { } next || now < next) && BeijingDate(now) == seen.BeijingDate && now >= seen.At;
    }

    async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(cancellationToken);
        var inputs = await connection.QuerySingleAsync<Inputs>(new CommandDefinition(CheckSql.Inputs, cancellationToken: cancellationToken));
        var (_, next) = await EmbargoBoundary.ReadAsync(connection, now, cancellationToken);
        var results = CheckComputation.Run(await CheckInputs.ReadAsync(connection, now, cancellationToken));

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(CheckSql.ClearResults, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(CheckSql.InsertResult, results, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }

        built = new Built(inputs.DataVersion, inputs.AuditEntry, next, BeijingDate(now), now);
        logger.LogInformation("Accountability checks rebuilt: {Count} findings in {Milliseconds} ms", results.Count, timer.ElapsedMilliseconds);
        await EvictChangedAsync(results, cancellationToken);
    }

    /// <summary>Evicts the cached pages of the counties whose findings this rebuild changed (none after the first one).</summary>
    async Task EvictChangedAsync(IReadOnlyList<CheckResult> results, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<string, HashCode>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            var sum = sums.GetValueOrDefault(result.CountyCode);
            sum.Add(result);
            sums[result.CountyCode] = sum;
        }

        var current = sums.ToDictionary(s => s.Key, s => s.Value.ToHashCode(), StringComparer.Ordinal);
        var previous = fingerprints;
        fingerprints = current;
        if (previous is null || cache is null)
        {
            return;
        }

        foreach (var county in current.Keys.Union(previous.Keys))
        {
            if (!current.TryGetValue(county, out var now) || !previous.TryGetValue(county, out var before) || now != before)
            {
                await cache.EvictByTagAsync(Rendering.PageCache.CountyTag(county), cancellationToken);
            }
        }
    }

    static DateOnly BeijingDate(DateTime utc) => DateOnly.FromDateTime(Dates.ToBeijing(utc));

    /// <summary>A publication time read without a typed column: SQLite gives text, SQL Server DATETIME2; both are UTC.</summary>
}

/// <summary>Keeps the stored findings current without waiting for a request: checks every few seconds (cheaply) and rebuilds on change.</summary>
public sealed class ChecksRefresher(CheckResults results, ILogger<ChecksRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        do
        {
            try
            {
                await results.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not bring the accountability checks up to date");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
