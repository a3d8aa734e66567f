using System.Globalization;

namespace LinkagePortal.Records;

/// <summary>
/// The embargo state of the data: the next moment at which an embargoed record becomes public (the earliest
/// <c>published_at</c> still ahead, across every disclosable table) and the latest one already passed. Anything cached
/// (pages, API responses, ETags, the timeliness report) must not be served across the next one; the last one passed is
/// when the public data last changed without an import. The answer is kept until the next boundary passes or the data
/// version moves, so asking is cheap.
/// </summary>
public sealed class EmbargoBoundary(Db db, TimeProvider clock, DataVersion dataVersion)
{
    // Two seeks per table on its index of stated publication times (0098): the latest passed and the earliest ahead. The
    // "IS NOT NULL" repeats the indexes' filter so that SQL Server matches them with a parameter. Runs once per boundary
    // or import, not per request.
    const string Boundaries = """
        SELECT MAX(passed) AS Passed, MIN(upcoming) AS Upcoming FROM (
            SELECT (SELECT MAX(published_at) FROM documents WHERE published_at IS NOT NULL AND published_at <= @now) AS passed,
                   (SELECT MIN(published_at) FROM documents WHERE published_at IS NOT NULL AND published_at > @now) AS upcoming
            UNION ALL SELECT (SELECT MAX(published_at) FROM allocations WHERE published_at IS NOT NULL AND published_at <= @now),
                   (SELECT MIN(published_at) FROM allocations WHERE published_at IS NOT NULL AND published_at > @now)
            UNION ALL SELECT (SELECT MAX(published_at) FROM projects WHERE published_at IS NOT NULL AND published_at <= @now),
                   (SELECT MIN(published_at) FROM projects WHERE published_at IS NOT NULL AND published_at > @now)
            UNION ALL SELECT (SELECT MAX(published_at) FROM announcements WHERE published_at IS NOT NULL AND published_at <= @now),
                   (SELECT MIN(published_at) FROM announcements WHERE published_at IS NOT NULL AND published_at > @now)
            UNION ALL SELECT (SELECT MAX(published_at) FROM performance_targets WHERE published_at IS NOT NULL AND published_at <= @now),
                   (SELECT MIN(published_at) FROM performance_targets WHERE published_at IS NOT NULL AND published_at > @now)
        ) boundaries
        """;

    Snapshot? last;

    /// <summary>What was read, at what time, under which data version; valid for <c>ReadAt ≤ now &lt; Next</c>.</summary>
    sealed record Snapshot(long Version, DateTime ReadAt, DateTime? Passed, DateTime? Next);

    /// <summary>
    /// The current embargo state: the next boundary and the last one passed (UTC; null when there is none), and a stamp
    /// for cache keys.
    /// </summary>
    public sealed record State(DateTime? Next, DateTime? Passed, long DataVersion)
    {
        /// <summary>Changes exactly when a boundary is crossed or the data changes: part of cache keys and ETags.</summary>
        public string Stamp => string.Create(CultureInfo.InvariantCulture, $"{DataVersion}.{BoundaryStamp}");

        /// <summary>
        /// Changes exactly when a boundary is crossed (or an import brings the next one forward): part of the output
        /// cache's keys, which an import leaves alone so that the pages it does not change stay cached.
        /// </summary>
        public string BoundaryStamp => (Next is { } n ? n.Ticks : 0).ToString(CultureInfo.InvariantCulture);
    }

    public async ValueTask<State> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (dataVersion.Version < 0)
        {
            await dataVersion.RefreshAsync(cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var version = dataVersion.Version;
        var seen = last;
        if (seen is null || seen.Version != version || now < seen.ReadAt || (seen.Next is { } next && now >= next))
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            var (passed, upcoming) = await ReadAsync(connection, now, cancellationToken);
            seen = new Snapshot(version, now, passed, upcoming);
            last = seen;
        }

        return new State(seen.Next, seen.Passed, seen.Version);
    }

    /// <summary>
    /// The last boundary passed and the next one ahead at <paramref name="now"/>, read afresh: for work that keeps its own
    /// record of what it was built from (the checks), rather than this node's cached state.
    /// </summary>
    public static async Task<(DateTime? Passed, DateTime? Next)> ReadAsync(System.Data.Common.DbConnection connection, DateTime now, CancellationToken cancellationToken)
    {
        var found = await connection.QuerySingleAsync(new CommandDefinition(Boundaries, new { now }, cancellationToken: cancellationToken));
        return (AsUtc((object?)found.Passed), AsUtc((object?)found.Upcoming));
    }

    /// <summary>A time read from the database without a typed column: SQLite gives text, SQL Server DATETIME2; both are UTC.</summary>
    public static DateTime? AsUtc(object? value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => null,
    };
}
