using System.Data.Common;
using System.Globalization;
using Dapper;

namespace LinkagePortal.OpenData;

/// <summary>
/// /api/v1/projects: the listed projects with their villages and fund documents. The linkage-fund projects are the
/// default; the county's bond-financed projects are asked for with programme=bond or programme=all.
/// </summary>
public static class ProjectsApi
{
    public const string Dataset = "projects";

    const string Select = """
        SELECT p.id AS RowId, p.code AS Code, p.programme AS Programme, p.fiscal_year AS FiscalYear, p.name AS Name,
               p.county_code AS CountyCode, c.short_name AS CountyName, p.amount_yuan AS AmountYuan, p.printed_text AS PrintedText,
               p.derivation AS Derivation, p.responsible_unit AS ResponsibleUnit, p.category AS Category,
               p.construction_content AS ConstructionContent, p.status AS Status, p.spent_yuan AS SpentYuan,
               p.source_document_id AS SourceDocumentId, p.source_table AS SourceTable, p.row_no AS SourceRow,
               p.arose_on AS AroseOn, p.published_at AS PublishedAt, p.note AS Note
        """;
    const string From = "FROM projects p JOIN regions c ON c.code = p.county_code JOIN documents sd ON sd.id = p.source_document_id";

    // A project is public when it and the document that lists it are.
    static readonly string Visible = SqlFilter.Visible("p") + " AND " + SqlFilter.Visible("sd");

    // Children of a batch of projects: joined to the batch's scope (the list's FROM and conditions, by key range).
    const string PlacesOf = """
        SELECT cp.project_id AS ProjectId, cp.place_as_printed AS AsPrinted, cp.region_code AS RegionCode, cr.short_name AS RegionName,
               cr.level AS RegionLevel, cp.match_kind AS MatchKind
        {0} JOIN project_places cp ON cp.project_id = p.id LEFT JOIN regions cr ON cr.code = cp.region_code
        {1}
        ORDER BY cp.project_id, cp.id
        """;

    const string FundsOf = """
        SELECT cf.project_id AS ProjectId, cf.document_id AS DocumentId
        {0} JOIN project_funds cf ON cf.project_id = p.id JOIN documents cd ON cd.id = cf.document_id
        {1} AND (cd.published_at IS NULL OR cd.published_at <= @now)
        ORDER BY cf.project_id, cf.document_id
        """;

    const string DocumentVisible = "SELECT COUNT(*) FROM documents d WHERE d.id = @document AND (d.published_at IS NULL OR d.published_at <= @now)";

    public sealed record ProjectRow
    {
        public long RowId { get; init; }
        public required string Code { get; init; }
        public required string Programme { get; init; }
        public long FiscalYear { get; init; }
        public required string Name { get; init; }
        public required string CountyCode { get; init; }
        public required string CountyName { get; init; }
        public long AmountYuan { get; init; }
        public string? PrintedText { get; init; }
        public required string Derivation { get; init; }
        public string? ResponsibleUnit { get; init; }
        public string? Category { get; init; }
        public string? ConstructionContent { get; init; }
        public string? Status { get; init; }
        public long? SpentYuan { get; init; }
        public required string SourceDocumentId { get; init; }
        public required string SourceTable { get; init; }
        public long? SourceRow { get; init; }
        public DateTime? AroseOn { get; init; }
        public DateTime? PublishedAt { get; init; }
        public string? Note { get; init; }

        /// <summary>Filled by a second query per batch of rows.</summary>
        public List<Place> Places { get; } = [];

        public List<string> DocumentIds { get; } = [];

        public IEnumerable<Place> Villages => Places.Where(p => p.RegionLevel == "village").DistinctBy(p => p.RegionCode);
    }

    public sealed record Place
    {
        public long ProjectId { get; init; }
        public required string AsPrinted { get; init; }
        public string? RegionCode { get; init; }
        public string? RegionName { get; init; }
        public string? RegionLevel { get; init; }
        public required string MatchKind { get; init; }
    }

    sealed record Fund
    {
        public long ProjectId { get; init; }
        public required string DocumentId { get; init; }
    }

    public static readonly string[] Programmes = ["linkage", "bond"];

    public static readonly IReadOnlyList<ApiField<ProjectRow>> Fields =
    [
        new("id", FieldType.Code, "项目的稳定标识，与 code 相同，用在 /api/v1/projects/{id} 地址中。", p => p.Code),
        new("code", FieldType.Code, "项目编号：县代码-年度-序号（债券项目序号前加 B），如 654202-2024-001。", p => p.Code),
        new("name", FieldType.Text, "项目名称，照公告原样。", p => p.Name),
        new("programme", FieldType.Enum, "资金类别：linkage 财政衔接推进乡村振兴补助资金项目；bond 地方政府债券项目（县级预算公开中的债券使用情况表）。", p => p.Programme)
            { Values = Programmes },
        new("fiscalYear", FieldType.Integer, "项目资金年度。", p => p.FiscalYear),
        new("countyCode", FieldType.Code, "项目所在县（市、区）的区划代码。", p => p.CountyCode),
        new("countyName", FieldType.Text, "县（市、区）名称。", p => p.CountyName),
        new("amountWan", FieldType.Decimal, "项目资金，单位万元，精确小数。", p => Money.ToWan(p.AmountYuan)) { Unit = "万元" },
        new("printedText", FieldType.Text, "金额在原件上的印法（如 0.1000 亿元）。", p => p.PrintedText) { Nullable = true },
        new("derivation", FieldType.Enum, "金额的来历：printed 照原件；derived 推算；corrected 更正。", p => p.Derivation) { Values = AllocationsApi.Derivations },
        new("spentWan", FieldType.Decimal, "实际支出，单位万元。", p => p.SpentYuan is { } s ? Money.ToWan(s) : null) { Unit = "万元", Nullable = true, NullMeans = "未公开" },
        new("responsibleUnit", FieldType.Text, "项目责任单位。", p => p.ResponsibleUnit) { Nullable = true, NullMeans = "原件未印" },
        new("category", FieldType.Text, "资金任务或项目类别。", p => p.Category) { Nullable = true },
        new("constructionContent", FieldType.Text, "建设内容。", p => p.ConstructionContent) { Nullable = true, NullMeans = "原件未印" },
        new("status", FieldType.Text, "实施状态。", p => p.Status) { Nullable = true, NullMeans = "原件未印" },
        new("villages", FieldType.ObjectList, "项目所在的村（社区），由建设地点对照区划代码表确定。", p => p.Villages)
        {
            InCsv = false,
            SubFields =
            [
                new ApiField<Place>("code", FieldType.Code, "村（社区）12 位区划代码。", v => v.RegionCode),
                new ApiField<Place>("name", FieldType.Text, "村（社区）通用简称。", v => v.RegionName),
            ],
        },
        new("villageCodes", FieldType.List, "（CSV）项目所在村的代码，多个用 ; 分隔。", p => p.Villages.Select(v => v.RegionCode!)) { InJson = false },
        new("villageNames", FieldType.List, "（CSV）项目所在村的名称，与 villageCodes 一一对应，用 ; 分隔。", p => p.Villages.Select(v => v.RegionName!)) { InJson = false },
        new("places", FieldType.ObjectList, "建设地点：原件印的地名及其对照结果。", p => p.Places)
        {
            InCsv = false,
            SubFields =
            [
                new ApiField<Place>("asPrinted", FieldType.Text, "原件印的地名。", v => v.AsPrinted),
                new ApiField<Place>("regionCode", FieldType.Code, "对照到的区划代码。", v => v.RegionCode) { Nullable = true, NullMeans = "未能对照" },
                new ApiField<Place>("regionName", FieldType.Text, "对照到的区划简称。", v => v.RegionName) { Nullable = true },
                new ApiField<Place>("match", FieldType.Enum, "对照方式：exact 完全一致；corrected 更正后一致（原件写法不同）；township 只能对到乡镇；unresolved 未能对照。", v => v.MatchKind)
                    { Values = ["exact", "corrected", "township", "unresolved"] },
            ],
        },
        new("placesAsPrinted", FieldType.List, "（CSV）原件印的建设地点，用 ; 分隔。", p => p.Places.Select(v => v.AsPrinted)) { InJson = false },
        new("documentIds", FieldType.List, "项目资金来源文件的 id（见 documents）；CSV 中用 ; 分隔。", p => p.DocumentIds),
        new("sourceDocumentId", FieldType.Code, "列出这个项目的文件 id（出处）。", p => p.SourceDocumentId),
        new("sourceTable", FieldType.Text, "出处中的表格。", p => p.SourceTable),
        new("sourceRow", FieldType.Integer, "表格中的序号。", p => p.SourceRow) { Nullable = true },
        new("aroseOn", FieldType.Date, "信息形成日期。", p => p.AroseOn) { Nullable = true, NullMeans = "未说明" },
        new("publishedAt", FieldType.DateTime, "公开时间（北京时间）。", p => p.PublishedAt) { Nullable = true, NullMeans = "已公开，时间未说明" },
        new("note", FieldType.Text, "整理说明。", p => p.Note) { Nullable = true },
    ];

    static readonly ListSource<ProjectRow> Source = new()
    {
        Dataset = Dataset, Select = Select, From = From, Key = "p.id", KeyKind = KeyKind.Integer, KeyOf = p => p.RowId, Fields = Fields,
        AttachChildren = AttachChildren,
    };

    static readonly ApiParam Region = new("region", ParamKind.Code,
        "区划代码，含其所有下级：县级及以上按项目所在县，乡镇和村按项目建设地点。如 654202（乌苏市）、654202109（西大沟镇）。") { Example = "654202" };
    static readonly ApiParam Year = new("year", ParamKind.Integer, "项目资金年度。") { Example = "2024" };
    static readonly ApiParam Query = new("q", ParamKind.Text, "在项目名称、编号和责任单位中查找这段文字。") { Example = "温室" };
    static readonly ApiParam Programme = new("programme", ParamKind.Enum,
        "资金类别：linkage（默认）只列衔接资金项目；bond 只列债券项目；all 两者都列。") { Values = ["linkage", "bond", "all"], Default = "linkage", Example = "all" };
    static readonly ApiParam Document = new("document", ParamKind.Text, "只列资金来自这份文件（或由它列出）的项目，文件 id 如 tdcz-2023-11。") { Example = "tdcz-2023-11" };

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapList("/projects", "项目", "各县公告公示列出的项目。默认只列衔接资金项目（programme=linkage）。",
            [Region, Year, Query, Programme, Document], Source, async (query, filter, db, _) =>
            {
                filter.And(Visible);
                if (query.Text("region") is { } region && await ApiRoutes.CheckRegionAsync(query, "region", region, db))
                {
                    filter.And(region.Length <= 6
                        ? "p.county_code >= @region AND p.county_code < @regionUpper"
                        : "EXISTS (SELECT 1 FROM project_places pp WHERE pp.project_id = p.id AND pp.region_code >= @region AND pp.region_code < @regionUpper)",
                        SqlFilter.Under(region));
                }

                if (query.Integer("year") is { } year)
                {
                    filter.And("p.fiscal_year = @year", new { year });
                }

                if (query.Text("q") is { } text)
                {
                    filter.And("(p.name LIKE @pattern ESCAPE '\\' OR p.code LIKE @pattern ESCAPE '\\' OR p.responsible_unit LIKE @pattern ESCAPE '\\')",
                        new { pattern = "%" + EscapeLike(text) + "%" });
                }

                if (query.Enum("programme") is var programme and not "all")
                {
                    filter.And("p.programme = @programme", new { programme });
                }

                if (query.Text("document") is { } document)
                {
                    await using var connection = await db.OpenAsync();
                    if (await connection.ExecuteScalarAsync<long>(DocumentVisible, new { document, now = filter.Now }) == 0)
                    {
                        query.Fail("document", $"没有 id 为 {document} 的已公开文件（文件列表见 /api/v1/documents）。");
                    }

                    filter.And("(p.source_document_id = @document OR EXISTS (SELECT 1 FROM project_funds f WHERE f.project_id = p.id AND f.document_id = @document))",
                        new { document });
                }

                return null;
            });

        api.MapItem("/projects/{id}", "一个项目", Source, "p.code = @id", [Visible], ("id", "项目编号，如 654202-2024-001。", "654202-2024-001"),
            "没有编号为 {0} 的已公开项目。");
    }

    static async Task AttachChildren(DbConnection connection, IReadOnlyList<ProjectRow> rows, BatchScope batch)
    {
        var byId = rows.ToDictionary(r => r.RowId);
        foreach (var place in await connection.QueryAsync<Place>(string.Format(CultureInfo.InvariantCulture, PlacesOf, batch.From, batch.Where), batch.Parameters))
        {
            // A project inserted since the batch was read may fall in its key range; it is not in this batch.
            if (byId.TryGetValue(place.ProjectId, out var project))
            {
                project.Places.Add(place);
            }
        }

        foreach (var fund in await connection.QueryAsync<Fund>(string.Format(CultureInfo.InvariantCulture, FundsOf, batch.From, batch.Where), batch.Parameters))
        {
            if (byId.TryGetValue(fund.ProjectId, out var project))
            {
                project.DocumentIds.Add(fund.DocumentId);
            }
        }
    }

    /// <summary>The text taken literally inside LIKE '%…%' (the wildcards of both dialects escaped with '\').</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
}
