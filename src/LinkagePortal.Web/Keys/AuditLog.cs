using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;
using Dapper;
using LinkagePortal.Data;

namespace LinkagePortal.Keys;

/// <summary>One accepted write, or one refusal: who (an organisation, or the operator at the command line), what, before and after.</summary>
public sealed record AuditEntry(string Actor, string? KeyId, string Action, string Entity, string EntityId, object? Before, object? After);

/// <summary>
/// The append-only record of every accepted write, written in the same transaction as the write itself (so a refused
/// or failed write leaves no entry), and of refusals (failed authentications, another organisation's complaint), never
/// with a key's secret. The database refuses UPDATE, DELETE and REPLACE on the table (0006 and 0020). Entries form a
/// hash chain: each carries the previous entry's hash and its own, SHA-256 over the previous hash and its fields, so
/// an entry changed, removed or inserted behind the database's back breaks the chain at that point; <c>audit
/// verify</c> recomputes it. Appends are serialised by the write lock (SQLite's BEGIN IMMEDIATE) or by the lock taken
/// on the last entry (SQL Server's UPDLOCK), so that two writers never chain onto the same entry.
/// </summary>
public sealed class AuditLog(Db db, TimeProvider clock)
{
    /// <summary>How an entry's before and after are written (readable Chinese, as the API answers).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    const string Insert = """
        INSERT INTO audit_log (occurred_at, actor, key_id, action, entity, entity_id, before_json, after_json, previous_hash, entry_hash)
        VALUES (@OccurredAt, @Actor, @KeyId, @Action, @Entity, @EntityId, @BeforeJson, @AfterJson, @PreviousHash, @EntryHash)
        """;

    const string LastHashSqlite = "SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1";
    const string LastHashSqlServer = "SELECT TOP (1) entry_hash FROM audit_log WITH (UPDLOCK, HOLDLOCK) ORDER BY id DESC";

    const string All = """
        SELECT id AS Id, occurred_at AS OccurredAt, actor AS Actor, key_id AS KeyId, action AS Action, entity AS Entity,
               entity_id AS EntityId, before_json AS BeforeJson, after_json AS AfterJson, previous_hash AS PreviousHash, entry_hash AS EntryHash
        FROM audit_log ORDER BY id
        """;

    public sealed record Row
    {
        public long Id { get; init; }
        public DateTime OccurredAt { get; init; }
        public required string Actor { get; init; }
        public string? KeyId { get; init; }
        public required string Action { get; init; }
        public required string Entity { get; init; }
        public required string EntityId { get; init; }
        public string? BeforeJson { get; init; }
        public string? AfterJson { get; init; }
        public string? PreviousHash { get; init; }
        public string? EntryHash { get; init; }
    }

    /// <summary>What <see cref="VerifyAsync"/> found: entries checked, those from before the chain, the first broken one.</summary>
    public sealed record Verification(int Chained, int BeforeChain, long? BrokenAt, string? Reason)
    {
        public bool Intact => BrokenAt is null;
    }

    public async Task AppendAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry)
    {
        var previous = await connection.ExecuteScalarAsync<string?>(
            db.Provider == DatabaseProvider.Sqlite ? LastHashSqlite : LastHashSqlServer, transaction: transaction);
        var now = clock.GetUtcNow().UtcDateTime;
        // Whole milliseconds: what both databases store (DATETIME2(3)), so that the hash is recomputed from the same value.
        var row = new Row
        {
            OccurredAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)),
            Actor = entry.Actor,
            KeyId = entry.KeyId,
            Action = entry.Action,
            Entity = entry.Entity,
            EntityId = entry.EntityId,
            BeforeJson = entry.Before is null ? null : JsonSerializer.Serialize(entry.Before, Json),
            AfterJson = entry.After is null ? null : JsonSerializer.Serialize(entry.After, Json),
            PreviousHash = previous,
        };
        await connection.ExecuteAsync(Insert, row with { EntryHash = Hash(row) }, transaction);
    }

    /// <summary>Appends one entry in a transaction of its own (a refusal, which has no write to share one with).</summary>
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await AppendAsync(connection, transaction, entry);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Recomputes the chain from the first hashed entry to the last.</summary>
    public async Task<Verification> VerifyAsync()
    {
        await using var connection = await db.OpenAsync();
        var (chained, before) = (0, 0);
        string? previous = null;
        var started = false;
        foreach (var row in await connection.QueryAsync<Row>(All))
        {
            if (!started && row.EntryHash is null && row.PreviousHash is null)
            {
                before++;
                continue;
            }

            if (started && row.PreviousHash != previous)
            {
                return new Verification(chained, before, row.Id, "its previous hash is not the hash of the entry before it (an entry was removed or inserted)");
            }

            if (row.EntryHash != Hash(row))
            {
                return new Verification(chained, before, row.Id, "its content does not match its hash (the entry was changed)");
            }

            started = true;
            previous = row.EntryHash;
            chained++;
        }

        return new Verification(chained, before, null, null);
    }

    static string Hash(Row row)
    {
        var occurred = DateTime.SpecifyKind(row.OccurredAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var fields = JsonSerializer.Serialize(new[]
        {
            row.PreviousHash, occurred, row.Actor, row.KeyId, row.Action, row.Entity, row.EntityId, row.BeforeJson, row.AfterJson,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fields)));
    }
}
