using Dapper;
using LinkagePortal.Data;

namespace LinkagePortal.Checks;

/// <summary>
/// The stored findings (<c>check_results</c>), rebuilt as a whole when what they were built from changes: the data
/// version (an import), the audit log (a recorded complaint or status change), the next publication time passing (an
/// embargoed record becoming public) or the Beijing date (the 30-day and open-too-long counts). Rebuilt in the
/// background (<see cref="ChecksRefresher"/>) and, should a request come first, once for all waiting requests; never
/// per request.
/// </summary>
public sealed class CheckResults(Db db, TimeProvider clock, ILogger<CheckResults> logger)
{
    readonly SemaphoreSlim rebuilding = new(1, 1);
    Built? built;

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

    async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
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
                await results.EnsureCurrentAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not bring the accountability checks up to date");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
