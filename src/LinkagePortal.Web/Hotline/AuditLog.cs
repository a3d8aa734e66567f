using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace LinkagePortal.Hotline;

/// <summary>One accepted write: who (an organisation, or the operator at the command line), what, before and after.</summary>
public sealed record AuditEntry(string Actor, string? KeyId, string Action, string Entity, string EntityId, object? Before, object? After);

/// <summary>
/// The append-only record of every accepted write, written in the same transaction as the write itself (so a refused
/// or failed write leaves no entry). The database refuses UPDATE and DELETE on the table (see 0006_hotline.sql).
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    const string Insert = """
        INSERT INTO audit_log (occurred_at, actor, key_id, action, entity, entity_id, before_json, after_json)
        VALUES (@occurredAt, @actor, @keyId, @action, @entity, @entityId, @beforeJson, @afterJson)
        """;

    public Task AppendAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry) =>
        connection.ExecuteAsync(Insert, new
        {
            occurredAt = clock.GetUtcNow().UtcDateTime,
            actor = entry.Actor,
            keyId = entry.KeyId,
            action = entry.Action,
            entity = entry.Entity,
            entityId = entry.EntityId,
            beforeJson = entry.Before is null ? null : JsonSerializer.Serialize(entry.Before, HotlineEndpoints.Json),
            afterJson = entry.After is null ? null : JsonSerializer.Serialize(entry.After, HotlineEndpoints.Json),
        }, transaction);
}
