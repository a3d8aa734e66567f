using System.Text.RegularExpressions;
using LinkagePortal.Api;

namespace LinkagePortal.Changes;

/// <summary>
/// <c>/api/v1/changes</c>: every public change (a record created, changed or withdrawn) in the order it became public,
/// with keyset paging and its CSV twin; <c>/api/v1/{records}/{id}/versions</c>: one record's history. A client stays
/// in sync by keeping the <c>position</c> of the last change it read and asking <c>?since=</c> that position: the feed
/// is ordered by (time the change became public, sequence) and never gives a change before its time, so each change is
/// seen exactly once, and an embargoed record's changes enter the feed at its publication time.
/// </summary>
public static partial class ChangesApi
{
    public const string Dataset = "changes";

    [GeneratedRegex("^[0-9]{21}-[0-9]{19}$")]
    private static partial Regex Position();

    public static readonly IReadOnlyList<ApiField<VersionRecord>> Fields =
    [
        new("recordType", FieldType.Enum, "记录种类：projects 项目；documents 文件；announcements 公告公示；allocations 资金分配单元格；contacts 监督电话。", v => v.RecordType)
            { Values = RecordVersions.RecordTypes },
        new("recordId", FieldType.Code, "记录的 id（项目编号、文件 id、公告 id；资金分配为 文件id/区划代码/任务；监督电话为区划代码）。", v => v.RecordId),
        new("version", FieldType.Integer, "版本号，从 1 起，每次修改加 1。", v => v.Version),
        new("kind", FieldType.Enum, "created 首次收录；changed 修改；withdrawn 撤下（不再公开，历史保留）。", v => v.Kind)
            { Values = ["created", "changed", "withdrawn"] },
        new("time", FieldType.DateTime, "这一版公开的时间（北京时间）：写入的时间，禁发记录为其公开时间。", v => v.VisibleAt),
        new("changes", FieldType.ObjectList, "修改了哪些字段（首次收录和撤下为空）。", v => VersionRecord.ParseChanges(v.ChangesJson))
        {
            InCsv = false,
            SubFields =
            [
                new ApiField<Change>("field", FieldType.Code, "字段名，与数据文件的列名相同（金额为万元）。", c => c.Field),
                new ApiField<Change>("before", FieldType.Text, "修改前的值。", c => c.Before) { Nullable = true, NullMeans = "原为空" },
                new ApiField<Change>("after", FieldType.Text, "修改后的值。", c => c.After) { Nullable = true, NullMeans = "改为空" },
            ],
        },
        new("changedFields", FieldType.List, "（CSV）修改了的字段名，用 ; 分隔。", v => VersionRecord.ParseChanges(v.ChangesJson).Select(c => c.Field)) { InJson = false },
        new("source", FieldType.Text, "来源：数据文件及行号，或通过本站发布的单位。", v => v.Source),
        new("reason", FieldType.Text, "修改原因。", v => v.Reason) { Nullable = true, NullMeans = "未说明" },
        new("position", FieldType.Code, "这条修改在修改流中的位置：下次用 ?since= 这个值只取其后的修改。", v => v.FeedPosition),
    ];

    static ListSource<VersionRecord> Source(string dataset) => new()
    {
        Dataset = dataset, Select = RecordVersions.Select, From = RecordVersions.From, Key = "v.feed_position", KeyKind = KeyKind.Text,
        KeyOf = v => v.FeedPosition, Fields = Fields,
    };

    static readonly ApiParam Since = new("since", ParamKind.Text, "只列这个位置之后的修改：上次读到的最后一条修改的 position。") { MinLength = 41, MaxLength = 41, Pattern = "^[0-9]{21}-[0-9]{19}$", Example = "000000001796140800000-0000000000000000001" };
    static readonly ApiParam Type = new("type", ParamKind.Enum, "只列这种记录的修改。") { Values = ["all", .. RecordVersions.RecordTypes], Default = "all", Example = "projects" };

    /// <summary>The records whose history has an address: the type and an id that the seed data holds.</summary>
    static readonly (string Type, string Title, string Example)[] Histories =
    [
        ("projects", "项目编号，如 654202-2024-001。", "654202-2024-001"),
        ("documents", "文件 id，如 xcz-2024-9。", "xcz-2024-9"),
        ("announcements", "公告公示 id，如 wusu-2024-gs-1。", "wusu-2024-gs-1"),
        ("contacts", "区划代码，如 654202。", "654202"),
    ];

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapList("/changes", "修改流", "所有公开记录的修改（首次收录、修改、撤下），按公开的先后排列。禁发记录在公开时才进入修改流。",
            [Since, Type], Source(Dataset), (query, filter, _, _) =>
            {
                filter.And(Public.Versions);
                if (query.Text("since") is { } since)
                {
                    if (!Position().IsMatch(since))
                    {
                        query.Fail("since", "不是修改流中的位置：照抄某条修改的 position 值。");
                    }

                    filter.And("v.feed_position > @since", new { since });
                }

                if (query.Enum("type") is var type and not "all")
                {
                    filter.And("v.record_type = @type", new { type });
                }

                return Task.FromResult<IResult?>(null);
            });

        foreach (var (type, title, example) in Histories)
        {
            api.MapList($"/{type}/{{id}}/versions", "一条记录的修改记录", "一条记录的全部版本，从首次收录起。记录不存在或尚未公开时返回 404。",
                [], Source(type + "-versions"), async (query, filter, db, http) =>
                {
                    var id = http.GetRouteValue("id")?.ToString() ?? "";
                    filter.And(Public.Versions).And("v.record_type = @recordType AND v.record_id = @recordId", new { recordType = type, recordId = id });
                    await using var connection = await db.OpenAsync(http.RequestAborted);
                    return (await RecordVersions.OfAsync(connection, type, id, filter.Now)).Count == 0
                        ? ApiProblems.NotFound($"没有 id 为 {id} 的已公开记录（{type}）。")
                        : null;
                }, ("id", title, example));
        }
    }
}
