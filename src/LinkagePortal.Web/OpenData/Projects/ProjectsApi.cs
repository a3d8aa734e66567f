using System.Data.Common;
using System.Globalization;
using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>
/// /api/v1/projects: the listed projects with their villages and fund documents. The linkage-fund projects are the
/// default; the county's bond-financed projects are asked for with programme=bond or programme=all.
/// </summary>
public static class ProjectsApi
{
    // Children of a batch of projects: joined to the batch's scope (the list's FROM and conditions, by key range).
    const string PlacesOf = $$"""
        SELECT {{ProjectRecords.PlaceColumns}}
        {0} JOIN project_places pp ON pp.project_id = p.id {{ProjectRecords.PlaceJoins}}
        {1}
        ORDER BY pp.project_id, pp.id
        """;

    static readonly string FundsOf = $$"""
        SELECT f.project_id, f.document_id
        {0} JOIN project_funds f ON f.project_id = p.id
        {1} AND {{Public.Document("f.document_id")}}
        ORDER BY f.project_id, f.document_id
        """;

    // The same children of a dense batch (most ids in its key range are its own: a full export) by the key range alone,
    // from the children's project index: joined to the scope, every child read its project, county and document again,
    // which cost more than reading the projects themselves. Children of other projects in the range are skipped.
    const string PlacesInRange = $"""
        SELECT {ProjectRecords.PlaceColumns}
        FROM project_places pp {ProjectRecords.PlaceJoins}
        WHERE pp.project_id >= @batchFirst AND pp.project_id <= @batchLast
        ORDER BY pp.project_id, pp.id
        """;

    static readonly string FundsInRange = $"""
        SELECT f.project_id, f.document_id
        FROM project_funds f
        WHERE f.project_id >= @batchFirst AND f.project_id <= @batchLast AND {Public.Document("f.document_id")}
        ORDER BY f.project_id, f.document_id
        """;

    sealed record Fund
    {
        public long ProjectId { get; init; }
        public required string DocumentId { get; init; }
    }

    static readonly IReadOnlyList<ApiField<ProjectRecord>> Fields =
    [
        new("id", FieldType.Code, "项目的稳定标识，与 code 相同，用在 /api/v1/projects/{id} 地址中。", p => p.Code) { Pattern = CodePatterns.Slug },
        new("code", FieldType.Code, "项目编号：县代码-年度-序号（债券项目序号前加 B），如 654202-2024-001。", p => p.Code) { Pattern = CodePatterns.Slug },
        new("name", FieldType.Text, "项目名称，照公告原样。", p => p.Name),
        new("programme", FieldType.Enum, "资金类别：linkage 财政衔接推进乡村振兴补助资金项目；bond 地方政府债券项目（县级预算公开中的债券使用情况表）。", p => p.Programme)
            { Values = Vocabulary.Programmes.Values },
        new("fiscalYear", FieldType.Integer, "项目资金年度。", p => p.FiscalYear),
        ..CommonFields.Region<ProjectRecord>("county", "项目所在县（市、区）的区划代码。", p => p.CountyCode, p => p.CountyName, CodePatterns.County),
        new("amountWan", FieldType.Decimal, "项目资金，单位万元，精确小数。", p => Money.ToWan(p.AmountYuan)) { Unit = "万元" },
        new("printedText", FieldType.Text, "金额在原件上的印法（如 0.1000 亿元）。", p => p.PrintedText) { Nullable = true },
        new("derivation", FieldType.Enum, "金额的来历：printed 照原件；derived 推算；corrected 更正。", p => p.Derivation) { Values = Vocabulary.Derivations.Values },
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
                new ApiField<ProjectPlace>("code", FieldType.Code, "村（社区）12 位区划代码。", v => v.Code) { Pattern = CodePatterns.Village },
                new ApiField<ProjectPlace>("name", FieldType.Text, "村（社区）通用简称。", v => v.Name),
            ],
        },
        new("villageCodes", FieldType.List, "（CSV）项目所在村的代码，多个用 ; 分隔。", p => p.Villages.Select(v => v.Code!))
            { InJson = false, HoldsCodes = true, Pattern = CodePatterns.ListOf(CodePatterns.Village) },
        new("villageNames", FieldType.List, "（CSV）项目所在村的名称，与 villageCodes 一一对应，用 ; 分隔。", p => p.Villages.Select(v => v.Name!)) { InJson = false },
        new("places", FieldType.ObjectList, "建设地点：原件印的地名及其对照结果。", p => p.Places)
        {
            InCsv = false,
            SubFields =
            [
                new ApiField<ProjectPlace>("asPrinted", FieldType.Text, "原件印的地名。", v => v.Printed),
                new ApiField<ProjectPlace>("regionCode", FieldType.Code, "对照到的区划代码。", v => v.Code) { Nullable = true, NullMeans = "未能对照", Pattern = CodePatterns.Region },
                new ApiField<ProjectPlace>("regionName", FieldType.Text, "对照到的区划简称。", v => v.Name) { Nullable = true },
                new ApiField<ProjectPlace>("match", FieldType.Enum, "对照方式：exact 完全一致；corrected 更正后一致（原件写法不同）；township 只能对到乡镇；unresolved 未能对照。", v => v.MatchKind)
                    { Values = Vocabulary.PlaceMatches.Values },
            ],
        },
        new("placesAsPrinted", FieldType.List, "（CSV）原件印的建设地点，用 ; 分隔。", p => p.Places.Select(v => v.Printed)) { InJson = false },
        new("documentIds", FieldType.List, "项目资金来源文件的 id（见 documents）；CSV 中用 ; 分隔。", p => p.DocumentIds) { HoldsCodes = true, Pattern = CodePatterns.ListOf(CodePatterns.Slug) },
        new("sourceDocumentId", FieldType.Code, "列出这个项目的文件 id（出处）。", p => p.SourceDocumentId) { Pattern = CodePatterns.Slug },
        new("sourceTable", FieldType.Text, "出处中的表格。", p => p.SourceTable),
        new("sourceRow", FieldType.Integer, "表格中的序号。", p => p.RowNo) { Nullable = true },
        new("aroseOn", FieldType.Date, "信息形成日期。", p => p.AroseOn) { Nullable = true, NullMeans = "未说明" },
        new("publishedAt", FieldType.DateTime, "公开时间（北京时间）。", p => p.PublishedAt) { Nullable = true, NullMeans = "已公开，时间未说明" },
        new("note", FieldType.Text, "整理说明。", p => p.Note) { Nullable = true },
    ];

    /// <summary>The list: its dataset's name, SQL, key and fields (the catalog reads them from here).</summary>
    public static readonly ListSource<ProjectRecord> Source = new()
    {
        Dataset = "projects", Select = ProjectRecords.Select, From = ProjectRecords.From, Key = "p.id", KeyKind = KeyKind.Integer, KeyOf = p => p.Id, Fields = Fields,
        Read = ProjectRecords.Read,
        AttachChildren = AttachChildren,
        MaintainedTotal = MaintainedTotal,
    };

    static readonly string CountiesUnder = $"SELECT r.code FROM regions r WHERE r.level = 'county' AND {RegionCodes.Under("r.code")} ORDER BY r.code";

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
            [Region, Year, Query, Programme, Document, ApiParam.PublishedFrom, ApiParam.PublishedTo], Source, async (query, filter, db, _) =>
            {
                filter.And(Public.Projects);
                query.FilterPublished(filter, "p.published_at");
                if (query.Text("region") is { } region && await ApiRoutes.CheckRegionAsync(query, "region", region, db))
                {
                    if (region.Length < RegionCodes.CountyLength)
                    {
                        // Above a county, its counties as parts: a page merges each county's first projects.
                        await using var connection = await db.OpenAsync();
                        filter.InParts("p.county_code", (await connection.QueryAsync<string>(CountiesUnder, SqlFilter.Under(region))).AsList());
                    }
                    else
                    {
                        // One county by equality, so that ix_projects_county (county_code, id) gives its projects in page
                        // order and a page reads its own rows only (a range would read and sort all of the county's).
                        filter.And(region.Length == RegionCodes.CountyLength ? "p.county_code = @region" : ProjectRecords.PlacedUnder("p.id"),
                            SqlFilter.Under(region));
                    }
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
                    if (!await DocumentRecords.IsPublicAsync(connection, document, filter.Now))
                    {
                        query.Fail("document", $"没有 id 为 {document} 的已公开文件（文件列表见 /api/v1/documents）。");
                    }

                    filter.And("(p.source_document_id = @document OR EXISTS (SELECT 1 FROM project_funds f WHERE f.project_id = p.id AND f.document_id = @document))",
                        new { document });
                }

                return null;
            });

        api.MapItem("/projects/{id}", "一个项目", Source, "p.code = @id", [Public.Projects], ("id", "项目编号，如 654202-2024-001。", "654202-2024-001"),
            "没有编号为 {0} 的已公开项目。");
    }

    /// <summary>With no filter but region, programme and year (no text, document or publication dates), the total is read from the totals kept per region.</summary>
    static async Task<long?> MaintainedTotal(DbConnection connection, ApiQuery query, DateTime now)
    {
        if (query.Text("q") is not null || query.Text("document") is not null || query.Text("publishedFrom") is not null || query.Text("publishedTo") is not null)
        {
            return null;
        }

        var programme = query.Enum("programme");
        return await RegionTotals.CountProjectsAsync(connection, query.Text("region"), programme == "all" ? null : programme, query.Integer("year"), now);
    }

    static async Task AttachChildren(DbConnection connection, IReadOnlyList<ProjectRecord> rows, BatchScope batch)
    {
        var byId = rows.ToDictionary(r => r.Id);
        var dense = rows[^1].Id - rows[0].Id < 2L * rows.Count;
        await batch.AttachAsync<long, ProjectRecord, ProjectPlace>(connection, dense ? PlacesInRange : PlacesOf, byId, p => p.ProjectId, (project, place) => project.Places.Add(place));
        await batch.AttachAsync<long, ProjectRecord, Fund>(connection, dense ? FundsInRange : FundsOf, byId, f => f.ProjectId, (project, fund) => project.DocumentIds.Add(fund.DocumentId));
    }

    /// <summary>The text taken literally inside LIKE '%…%' (the wildcards of both dialects escaped with '\').</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
}
