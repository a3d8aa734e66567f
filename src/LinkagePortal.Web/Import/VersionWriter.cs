using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace LinkagePortal.Import;

/// <summary>
/// How the rows of one data file kind are kept on the record (<c>record_versions</c>): which table and key they are
/// stored under, the public id of a record, the columns compared, the column naming the document a record comes from
/// (it is public no earlier than that document), whether a full import withdraws the records it does not hold, and
/// what else must hear of such a withdrawal.
/// </summary>
public sealed record Versioning<TRow>(string RecordType, string Table, string[] KeyColumns, Func<TRow, string> Id, string[] Columns)
{
    public string? DocumentColumn { get; init; }

    /// <summary>The table has <c>withdrawn_at</c>: a record missing from a full import of its file kind is withdrawn.</summary>
    public bool Withdrawable { get; init; }

    /// <summary>
    /// Runs in the import's transaction when a full import withdraws a stored record, given the text of its key
    /// columns: what else must learn of it (the maintained region totals, which leave a withdrawn row out).
    /// </summary>
    public Action<ImportContext, Func<string, string>>? Withdrawing { get; init; }

    /// <summary>A value kept outside the table's columns (a project's fund documents): its field, stored value, new value.</summary>
    public (string Field, Func<ImportContext, TRow, string?> Stored, Func<TRow, string?> Incoming)? Linked { get; init; }
}

/// <summary>One field that changed: its name as the data files name it, and its value before and after (as text).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// Writes the history of the records an import (or a publication) touches: a "created" version for a new record, a
/// "changed" one listing each field that differs from the stored record (before and after), a "withdrawn" one for a
/// record missing from a later full import of its file kind (<c>import --full</c>: the row stays, hidden by its
/// <c>withdrawn_at</c>).
/// Unchanged rows add nothing. Versions are appended only; each carries its source (file:line, or the publishing
/// organisation) and reason (the row's <c>change_reason</c>, else the import's <c>--reason</c>). Kept apart from the
/// importer's own steps so that reading, checking and writing rows stay as they were.
/// </summary>
/// <remarks>
/// The seed (an empty database loaded from <c>content/data/</c>) writes the first versions of records that were
/// public long before the portal took them in: they are visible as of their own publication time (or, with none
/// stated, from the start), so that the feed gives the seed in the order it was published.
/// </remarks>
public sealed class VersionWriter(DateTime now, string? reason, bool full = false, bool seed = false)
{
    /// <summary>The optional column of every data file that says why its rows changed.</summary>
    public const string ReasonColumn = "change_reason";

    const string NextVersion = "SELECT COALESCE(MAX(version), 0) + 1 FROM record_versions WHERE record_type = @recordType AND record_id = @recordId";
    const string DocumentPublished = "SELECT published_at FROM documents WHERE id = @id";
    const string Insert = """
        INSERT INTO record_versions (record_type, record_id, version, kind, changed_at, visible_at, feed_position, changes, source, reason)
        VALUES (@recordType, @recordId, @version, @kind, @changedAt, @visibleAt, @feedPosition, @changes, @source, @reason)
        """;
    const string LastId = "SELECT COALESCE(MAX(id), 0) FROM record_versions";

    readonly Dictionary<string, DateTime?> documentTimes = new(StringComparer.Ordinal);
    long? lastId;

    /// <summary>The commit time of this import's versions.</summary>
    public DateTime Now { get; } = now;

    /// <summary>The data file being written (for the versions' source).</summary>
    public string File { get; set; } = "";

    /// <summary>The organisation that published the rows through the portal: the versions' source instead of file and line.</summary>
    public string? Publisher { get; init; }

    /// <summary>Runs in the import's transaction just before it commits (a publication's own record and audit entry).</summary>
    public Action<ImportContext>? Committing { get; init; }

    /// <summary>The stored record a row is about to replace, as compared values (null: a new record).</summary>
    public sealed record Stored(Dictionary<string, string?> Values, bool Withdrawn);

    public Stored? Before<TRow>(Versioning<TRow> versioning, TRow row, ImportContext context)
    {
        var withdrawable = versioning.Withdrawable;
        var sql = $"SELECT {string.Join(", ", versioning.Columns)}{(withdrawable ? ", withdrawn_at" : "")} FROM {versioning.Table} WHERE "
            + string.Join(" AND ", versioning.KeyColumns.Select(k => $"{k} = @{k}"));
        var parameters = new DynamicParameters();
        foreach (var key in versioning.KeyColumns)
        {
            parameters.Add(key, Property<TRow>(key).GetValue(row));
        }

        if (context.Connection.QuerySingleOrDefault(sql, parameters, context.Transaction) is not IDictionary<string, object?> found)
        {
            return null;
        }

        var values = versioning.Columns.ToDictionary(c => FieldName(c), c => Text(c, found[c], Property<TRow>(c).PropertyType), StringComparer.Ordinal);
        if (versioning.Linked is var (field, stored, _))
        {
            values[field] = stored(context, row);
        }

        return new Stored(values, withdrawable && found["withdrawn_at"] is not null and not DBNull);
    }

    /// <summary>
    /// After a row is written: its version, when it is new, differs from <paramref name="before"/> or was withdrawn.
    /// Returns whether it wrote one (the record changed).
    /// </summary>
    public bool After<TRow>(Versioning<TRow> versioning, TRow row, Stored? before, int line, string? rowReason, ImportContext context)
    {
        var id = versioning.Id(row);
        var visibleAt = VisibleAt(context, Published(row), versioning.DocumentColumn is { } document ? (string?)Property<TRow>(document).GetValue(row) : null);
        var source = Publisher ?? $"{File}:{line.ToString(CultureInfo.InvariantCulture)}";
        if (before is null)
        {
            Append(context, versioning.RecordType, id, "created", [], source, rowReason ?? reason, visibleAt);
            return true;
        }

        var changes = new List<FieldChange>();
        foreach (var column in versioning.Columns)
        {
            var after = Text(column, Property<TRow>(column).GetValue(row), Property<TRow>(column).PropertyType);
            if (before.Values[FieldName(column)] != after)
            {
                changes.Add(new FieldChange(FieldName(column), before.Values[FieldName(column)], after));
            }
        }

        if (versioning.Linked is var (field, _, incoming) && before.Values[field] != incoming(row))
        {
            changes.Add(new FieldChange(field, before.Values[field], incoming(row)));
        }

        if (before.Withdrawn)
        {
            context.Connection.Execute($"UPDATE {versioning.Table} SET withdrawn_at = NULL WHERE "
                + string.Join(" AND ", versioning.KeyColumns.Select(k => $"{k} = @{k}")), row, context.Transaction);
            changes.Add(new FieldChange("withdrawn", "true", "false"));
        }

        if (changes.Count > 0)
        {
            Append(context, versioning.RecordType, id, "changed", changes, source, rowReason ?? reason, visibleAt);
        }

        return changes.Count > 0;
    }

    /// <summary>
    /// In a full import, withdraws the stored records of the kind that the file does not hold (once each: a withdrawn
    /// record stays withdrawn until a later file holds it again).
    /// </summary>
    public void WithdrawMissing<TRow>(Versioning<TRow> versioning, IReadOnlyList<TRow> rows, ImportContext context)
    {
        if (!full || !versioning.Withdrawable)
        {
            return;
        }

        string Key(Func<string, object?> value) =>
            string.Join("\u001F", versioning.KeyColumns.Select(k => Convert.ToString(value(k), CultureInfo.InvariantCulture)));
        var present = rows.Select(r => Key(k => Property<TRow>(k).GetValue(r))).ToHashSet(StringComparer.Ordinal);
        var document = versioning.DocumentColumn is { } column ? ", " + column : "";
        var stored = context.Connection.Query($"SELECT {string.Join(", ", versioning.KeyColumns)}, published_at{document} FROM {versioning.Table} WHERE withdrawn_at IS NULL",
            transaction: context.Transaction).Cast<IDictionary<string, object?>>().ToList();
        var where = string.Join(" AND ", versioning.KeyColumns.Select(k => $"{k} = @{k}"));
        foreach (var record in stored.Where(s => !present.Contains(Key(k => s[k]))))
        {
            var parameters = new DynamicParameters();
            foreach (var key in versioning.KeyColumns)
            {
                parameters.Add(key, record[key]);
            }

            parameters.Add("now", Now);
            context.Connection.Execute($"UPDATE {versioning.Table} SET withdrawn_at = @now WHERE {where}", parameters, context.Transaction);
            versioning.Withdrawing?.Invoke(context, k => Convert.ToString(record[k], CultureInfo.InvariantCulture)!);
            context.ChangedCounties.Everything();
            var id = string.Join("/", versioning.KeyColumns.Select(k => Convert.ToString(record[k], CultureInfo.InvariantCulture)));
            var documentId = versioning.DocumentColumn is { } c ? Convert.ToString(record[c], CultureInfo.InvariantCulture) : null;
            Append(context, versioning.RecordType, id, "withdrawn", [], Publisher ?? $"{File}（完整导入中不再列出）", reason,
                VisibleAt(context, Records.EmbargoBoundary.AsUtc(record["published_at"]), documentId));
        }
    }

    /// <summary>Appends one version of a record (also for a publication or correction through the portal).</summary>
    public void Append(ImportContext context, string recordType, string recordId, string kind, IReadOnlyList<FieldChange> changes, string source,
        string? why, DateTime visibleAt)
    {
        lastId ??= context.Connection.ExecuteScalar<long>(LastId, transaction: context.Transaction);
        lastId++;
        var version = context.Connection.ExecuteScalar<int>(NextVersion, new { recordType, recordId }, context.Transaction);
        context.Connection.Execute(Insert, new
        {
            recordType, recordId, version, kind, changedAt = Now, visibleAt, feedPosition = FeedPosition(visibleAt, lastId.Value),
            changes = changes.Count == 0 ? null : JsonSerializer.Serialize(changes.Select(c => new { field = c.Field, before = c.Before, after = c.After })),
            source, reason = why,
        }, context.Transaction);
    }

    /// <summary>
    /// The changes feed's order: the time a version becomes public, then a number that grows with every version
    /// appended (the table's id is assigned only on insert, so the next one is counted here under the import's write
    /// lock), both fixed-width so that comparing the text compares the pair.
    /// </summary>
    public static string FeedPosition(DateTime visibleAt, long sequence) =>
        visibleAt.ToString("yyyyMMddHHmmssfffffff", CultureInfo.InvariantCulture) + "-" + sequence.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>
    /// When a version becomes public: now, or the record's (or its document's) publication time when later; for the seed,
    /// the later of those publication times.
    /// </summary>
    public DateTime VisibleAt(ImportContext context, DateTime? published, string? documentId)
    {
        var start = seed ? DateTime.UnixEpoch : Now;
        var visible = published is { } p && p > start ? p : start;
        if (documentId is not null)
        {
            if (!documentTimes.TryGetValue(documentId, out var documentTime))
            {
                documentTime = Records.EmbargoBoundary.AsUtc(context.Connection.ExecuteScalar<object?>(DocumentPublished, new { id = documentId }, context.Transaction));
                documentTimes[documentId] = documentTime;
            }

            if (documentTime is { } d && d > visible)
            {
                visible = d;
            }
        }

        return visible;
    }

    static DateTime? Published<TRow>(TRow row) => typeof(TRow).GetProperty("published_at")?.GetValue(row) as DateTime?;

    static PropertyInfo Property<TRow>(string column) =>
        typeof(TRow).GetProperty(column) ?? throw new InvalidOperationException($"{typeof(TRow).Name} has no property {column}");

    /// <summary>Amounts are stored in yuan and shown, in files and versions alike, in 万元.</summary>
    static string FieldName(string column) => column.EndsWith("_yuan", StringComparison.Ordinal) ? column[..^5] + "_wan" : column;

    /// <summary>A stored or incoming value as the text a version shows: dates as in the files, amounts in 万元, times in UTC.</summary>
    static string? Text(string column, object? value, Type type)
    {
        if (value is null or DBNull)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(DateTime))
        {
            var time = value is DateTime d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : Records.EmbargoBoundary.AsUtc(value)!.Value;
            return column.EndsWith("_on", StringComparison.Ordinal)
                ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        if (target == typeof(long) || target == typeof(int))
        {
            var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
            return column.EndsWith("_yuan", StringComparison.Ordinal)
                ? Money.ToWan(number).ToString("0.####", CultureInfo.InvariantCulture)
                : number.ToString(CultureInfo.InvariantCulture);
        }

        return Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}
