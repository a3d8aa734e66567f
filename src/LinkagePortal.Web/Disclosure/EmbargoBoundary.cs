using System.Globalization;
using Dapper;
using LinkagePortal.Data;

namespace LinkagePortal.Disclosure;

/// <summary>
/// The next moment at which an embargoed record becomes public: the earliest <c>published_at</c> still ahead, across
/// every disclosable table. Anything cached (pages, API responses, ETags, the timeliness report) must not be served
/// across it. The answer is kept until that moment passes or the data version moves, so asking is cheap.
/// </summary>
public sealed class EmbargoBoundary(Db db, TimeProvider clock, DataVersion dataVersion)
{
    // One pass per table. MIN over published_at > @now: the tables are small except projects, and this runs once per
    // boundary or import, not per request.
    const string Next = """
        SELECT MIN(t) FROM (
            SELECT MIN(published_at) AS t FROM documents WHERE published_at > @now
            UNION ALL SELECT MIN(published_at) FROM allocations WHERE published_at > @now
            UNION ALL SELECT MIN(published_at) FROM projects WHERE published_at > @now
            UNION ALL SELECT MIN(published_at) FROM announcements WHERE published_at > @now
            UNION ALL SELECT MIN(published_at) FROM performance_targets WHERE published_at > @now
        ) boundaries
        """;

    Snapshot? last;

    /// <summary>What was read, at what time, under which data version; valid for <c>ReadAt ≤ now &lt; Next</c>.</summary>
    sealed record Snapshot(long Version, DateTime ReadAt, DateTime? Next);

    /// <summary>The current embargo state: the next boundary (UTC; null when nothing is embargoed) and a stamp for cache keys.</summary>
    public sealed record State(DateTime? Next, long DataVersion)
    {
        /// <summary>Changes exactly when a boundary is crossed or the data changes: part of cache keys and ETags.</summary>
        public string Stamp => string.Create(CultureInfo.InvariantCulture, $"{DataVersion}.{(Next is { } n ? n.Ticks : 0)}");
    }

    public async ValueTask<State> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var version = dataVersion.Version;
        var seen = last;
        if (seen is null || seen.Version != version || now < seen.ReadAt || (seen.Next is { } next && now >= next))
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            var found = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(Next, new { now }, cancellationToken: cancellationToken));
            seen = new Snapshot(version, now, found is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null);
            last = seen;
        }

        return new State(seen.Next, seen.Version);
    }
}
