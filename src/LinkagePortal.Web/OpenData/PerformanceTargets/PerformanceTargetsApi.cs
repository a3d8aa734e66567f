using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>
/// /api/v1/performance-targets: the rows of the 绩效目标表 attached to fund documents. The tables published so far
/// are blank templates: every value is null ("not published"), never an empty string or a guess.
/// </summary>
public static class PerformanceTargetsApi
{
    const string ProjectVisible = $"SELECT COUNT(*) FROM projects p WHERE p.code = @project AND {Public.Projects}";

    const string NotPublished = "未公开（原件是空白模板或未填写）";

    static readonly IReadOnlyList<ApiField<PerformanceTarget>> Fields =
    [
        new("documentId", FieldType.Code, "绩效目标表所附的文件 id。", t => t.DocumentId) { Nullable = true, NullMeans = "表格属于某个项目而非文件", Pattern = CodePatterns.Slug },
        new("projectId", FieldType.Code, "绩效目标所属项目的编号。", t => t.ProjectCode) { Nullable = true, NullMeans = "表格属于整份文件", Pattern = CodePatterns.Slug },
        new("level1", FieldType.Text, "一级指标（产出指标、效益指标、满意度指标）。", t => t.Level1) { Nullable = true, NullMeans = "原件未印" },
        new("level2", FieldType.Text, "二级指标（数量、质量、时效、成本指标等）。", t => t.Level2),
        new("level3", FieldType.Text, "三级指标（原件多只印“指标1”）。", t => t.Level3) { Nullable = true, NullMeans = "原件未印" },
        new("targetValue", FieldType.Text, "指标值（目标）。", t => t.TargetValue) { Nullable = true, NullMeans = NotPublished },
        new("unit", FieldType.Text, "指标值的单位。", t => t.Unit) { Nullable = true, NullMeans = NotPublished },
        new("actualValue", FieldType.Text, "实际完成值。", t => t.ActualValue) { Nullable = true, NullMeans = NotPublished },
        new("sourceTable", FieldType.Text, "原件中的表格及栏目（中长期目标、年度目标）。", t => t.SourceTable),
        new("note", FieldType.Text, "整理说明。", t => t.Note) { Nullable = true },
        new("aroseOn", FieldType.Date, "信息形成日期。", t => t.AroseOn) { Nullable = true, NullMeans = "未说明" },
        new("publishedAt", FieldType.DateTime, "公开时间（北京时间）。", t => t.PublishedAt) { Nullable = true, NullMeans = "随文件公开，时间未单独说明" },
    ];

    /// <summary>The list: its dataset's name, SQL, key and fields (the catalog reads them from here).</summary>
    public static readonly ListSource<PerformanceTarget> Source = new()
    {
        Dataset = "performance-targets", Select = PerformanceTargetRecords.Select, From = PerformanceTargetRecords.From, Key = "t.id", KeyKind = KeyKind.Integer, KeyOf = t => t.Id, Fields = Fields,
    };

    static readonly ApiParam Project = new("project", ParamKind.Text, "项目编号，如 654202-2024-001。") { Example = "654202-2024-001" };
    static readonly ApiParam Document = new("document", ParamKind.Text, "文件 id，如 xcz-2024-9。") { Example = "xcz-2024-9" };

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapList("/performance-targets", "绩效目标", "资金文件所附项目支出绩效目标表的每一行。目前公开的表格都是空白模板：指标值为 null，表示未公开。",
            [Project, Document], Source, async (query, filter, db, _) =>
            {
                filter.And(Public.PerformanceTargets);
                await using var connection = await db.OpenAsync();
                if (query.Text("project") is { } project)
                {
                    if (await connection.ExecuteScalarAsync<long>(ProjectVisible, new { project, now = filter.Now }) == 0)
                    {
                        query.Fail("project", $"没有编号为 {project} 的已公开项目（项目列表见 /api/v1/projects）。");
                    }

                    filter.And("p.code = @project", new { project });
                }

                if (query.Text("document") is { } document)
                {
                    if (!await DocumentRecords.IsPublicAsync(connection, document, filter.Now))
                    {
                        query.Fail("document", $"没有 id 为 {document} 的已公开文件（文件列表见 /api/v1/documents）。");
                    }

                    filter.And("t.document_id = @document", new { document });
                }

                return null;
            });
}
