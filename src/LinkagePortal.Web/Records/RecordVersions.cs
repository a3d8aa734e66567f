using System.Data.Common;
using System.Text.Json;

namespace LinkagePortal.Records;

/// <summary>One version of a public record: what changed, when, from which source and why.</summary>
public sealed record VersionRecord
{
    public long Id { get; init; }
    public required string RecordType { get; init; }
    public required string RecordId { get; init; }
    public long Version { get; init; }

    /// <summary>created | changed | withdrawn.</summary>
    public required string Kind { get; init; }

    public DateTime ChangedAt { get; init; }

    /// <summary>When the version became (or becomes) public: its commit time, or the record's publication time if later.</summary>
    public DateTime VisibleAt { get; init; }

    /// <summary>Where the version stands in the changes feed (visible time, then sequence; opaque to clients).</summary>
    public required string FeedPosition { get; init; }

    /// <summary>The changed fields as stored, JSON (<c>[{"field","before","after"}]</c>); null for a creation or withdrawal.</summary>
    public string? ChangesJson { get; init; }

    /// <summary>The changed fields, as <see cref="RecordVersions"/> reads them (<see cref="ParseChanges"/> of the JSON).</summary>
    public IReadOnlyList<Change> Changes { get; init; } = [];

    public required string Source { get; init; }
    public string? Reason { get; init; }

    public static IReadOnlyList<Change> ParseChanges(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<Change>>(json, JsonOptions) ?? [];

    /// <summary>This version with its changes read from the stored JSON.</summary>
    public VersionRecord WithChanges() => this with { Changes = ParseChanges(ChangesJson) };

    public string KindLabel => Kind switch { "created" => "首次收录", "withdrawn" => "撤下", _ => "修改" };

    public DateTime VisibleInBeijing => Dates.ToBeijing(VisibleAt);

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

/// <summary>One field of a version: its name as the data files give it, its label, the value before and after.</summary>
public sealed record Change(string Field, string? Before, string? After)
{
    public string Label => RecordVersions.FieldLabels.TryGetValue(Field, out var label) ? label : Field;
}

/// <summary>
/// The history of every public record (<c>record_versions</c>, written by Import/VersionWriter.cs): a record's
/// versions, and every version in the order the changes feed gives them. Public means <see cref="Public.Versions"/>:
/// a version of an embargoed record appears when the record does.
/// </summary>
public static class RecordVersions
{
    /// <summary>The record types that keep versions, as they appear in addresses (/api/v1/{type}/{id}/versions).</summary>
    public static readonly string[] RecordTypes = ["projects", "documents", "announcements", "allocations", "contacts"];

    public const string Select = """
        SELECT v.id, v.record_type, v.record_id, v.version, v.kind, v.changed_at, v.visible_at, v.feed_position, v.changes AS changes_json,
               v.source, v.reason
        """;

    public const string From = "FROM record_versions v";

    const string OfRecord = $"{Select} {From} WHERE v.record_type = @recordType AND v.record_id = @recordId AND {Public.Versions} ORDER BY v.version";

    const string Latest = $"""
        SELECT v.record_id, MAX(v.version) FROM record_versions v
        WHERE v.record_type = @recordType AND v.record_id IN @ids AND {Public.Versions}
        GROUP BY v.record_id
        """;

    /// <summary>The live version of each of these records (a printed notice's QR codes carry it).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CurrentAsync(DbConnection connection, string recordType, IReadOnlyCollection<string> ids, DateTime now) =>
        (await connection.QueryAsync<(string Id, long Version)>(Latest, new { recordType, ids, now })).ToDictionary(r => r.Id, r => r.Version, StringComparer.Ordinal);

    /// <summary>The public versions of one record, oldest first (empty when it has none, or none public yet).</summary>
    public static async Task<IReadOnlyList<VersionRecord>> OfAsync(DbConnection connection, string recordType, string recordId, DateTime now) =>
        (await connection.QueryAsync<VersionRecord>(OfRecord, new { recordType, recordId, now })).Select(v => v.WithChanges()).ToList();

    /// <summary>Chinese labels of the fields a version may name (the data files' column names).</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "项目名称",
        ["title"] = "标题",
        ["amount_wan"] = "金额（万元）",
        ["spent_wan"] = "累计支出（万元）",
        ["printed_text"] = "原文写法",
        ["derivation"] = "金额来历",
        ["responsible_unit"] = "责任单位",
        ["category"] = "项目类别",
        ["construction_content"] = "建设内容",
        ["status"] = "实施状态",
        ["fund_document_ids"] = "资金来源文件",
        ["county_code"] = "所在县",
        ["fiscal_year"] = "年度",
        ["programme"] = "资金类别",
        ["source_document_id"] = "出处文件",
        ["source_table"] = "出处表格",
        ["row_no"] = "序号",
        ["arose_on"] = "信息形成日期",
        ["published_at"] = "公开时间",
        ["note"] = "说明",
        ["body"] = "正文",
        ["publisher"] = "发布单位",
        ["places"] = "建设地点",
        ["withdrawn"] = "撤下",
    };
}

/// <summary>
/// A record's public history as its page shows it, and, for a page opened from a printed notice's QR code (which
/// carries the version printed), whether the record changed since that notice was printed and how.
/// </summary>
public sealed record RecordHistory(IReadOnlyList<VersionRecord> Versions, long? PrintedVersion)
{
    /// <summary>The live version (0 for a record with no history yet).</summary>
    public long Current => Versions.Count == 0 ? 0 : Versions[^1].Version;

    /// <summary>The 修改记录 section is shown once the record has changed after it was first taken in.</summary>
    public bool HasChanged => Versions.Any(v => v.Kind != "created");

    /// <summary>Newest first, as the section lists them.</summary>
    public IEnumerable<VersionRecord> Newest => Versions.Reverse();

    /// <summary>The page was opened from a printed notice (<c>?v=N</c>) of a version this record has had.</summary>
    public bool FromPrint => PrintedVersion is { } v && v >= 1 && v <= Current;

    /// <summary>The versions after the printed one: what changed since printing (empty when nothing did).</summary>
    public IReadOnlyList<VersionRecord> SincePrinting => FromPrint ? Versions.Where(v => v.Version > PrintedVersion).ToList() : [];

    public bool ChangedSincePrinting => SincePrinting.Count > 0;
}
