using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>
/// /api/v1/allocations and /api/v1/documents/{id}/allocations: the cells of the allocation tables, one per region
/// and task, as printed (or derived or corrected, and marked so).
/// </summary>
public static class AllocationsApi
{
    static readonly IReadOnlyList<ApiField<AllocationRecord>> Fields =
    [
        ..CommonFields.Document<AllocationRecord>("document", "分配表所在", a => a.DocumentId, a => a.DocumentNumber),
        ..CommonFields.Region<AllocationRecord>("region", "分到资金的区划代码（通常是县级，6 位）。", a => a.RegionCode, a => a.RegionName),
        new("regionNamePrinted", FieldType.Text, "分配表上印的名称，照扫描件识读原样（可能有缺字，如“留县”）。", a => a.RegionNamePrinted),
        new("regionLevel", FieldType.Enum, "区划层级。", a => a.RegionLevel) { Values = Vocabulary.RegionLevels.Values },
        new("task", FieldType.Text, "资金任务（分配表的列）。", a => a.Task),
        new("partOfTask", FieldType.Text, "“其中”列：本行金额是 partOfTask 所指任务金额的一部分，不另计入合计。", a => a.PartOfTask)
            { Nullable = true, NullMeans = "本行是完整的任务金额，不是“其中”" },
        new("amountWan", FieldType.Decimal, "金额，单位万元，精确小数（不四舍五入）。", a => Money.ToWan(a.AmountYuan)) { Unit = "万元" },
        new("printedText", FieldType.Text, "金额在原件上的印法（如 8O0）。", a => a.PrintedText) { Nullable = true },
        new("derivation", FieldType.Enum, "数字的来历：printed 照原件；derived 原件不可辨认，由印出的合计推算（note 写明算法）；corrected 明显的扫描错误已更正（printedText 保留原样）。",
            a => a.Derivation) { Values = Vocabulary.Derivations.Values },
        new("note", FieldType.Text, "整理说明。", a => a.Note) { Nullable = true },
        new("sourceTable", FieldType.Text, "原件中的表格。", a => a.SourceTable),
        new("sourceRow", FieldType.Integer, "表格中的行号（序号）。", a => a.RowNo) { Nullable = true },
        new("aroseOn", FieldType.Date, "信息形成日期。", a => a.AroseOn) { Nullable = true, NullMeans = "未说明" },
        new("publishedAt", FieldType.DateTime, "公开时间（北京时间）。", a => a.PublishedAt) { Nullable = true, NullMeans = "随文件公开，时间未单独说明" },
    ];

    /// <summary>The list: its dataset's name, SQL, key and fields (the catalog reads them from here).</summary>
    public static readonly ListSource<AllocationRecord> Source = new()
    {
        Dataset = "allocations", Select = "SELECT " + AllocationRecords.Columns, From = AllocationRecords.From, Key = "a.id", KeyKind = KeyKind.Integer, KeyOf = a => a.Id, Fields = Fields,
    };

    static readonly ApiParam Document = new("document", ParamKind.Text, "文件 id，如 xcz-2024-9。") { Example = "xcz-2024-9" };
    static readonly ApiParam Region = new("region", ParamKind.Code, "只列这个区划及其所有下级区划的分配（如 6542 塔城地区）。") { Example = "6542" };
    static readonly ApiParam Year = new("year", ParamKind.Integer, "文件的资金年度。") { Example = "2024" };

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapList("/allocations", "资金分配", "所有已公开分配表的每个单元格：一个区划、一项任务一行。", [Document, Region, Year], Source, async (query, filter, db, _) =>
        {
            filter.And(Public.Allocations);
            if (query.Text("document") is { } document)
            {
                filter.And("a.document_id = @document", new { document });
            }

            await FilterRegion(query, filter, db);
            if (query.Integer("year") is { } year)
            {
                filter.And("d.fiscal_year = @year", new { year });
            }

            return null;
        });

        api.MapList("/documents/{id}/allocations", "一份文件的资金分配", "这份文件分配表的每个单元格，按原表顺序。", [Region], Source, async (query, filter, db, http) =>
        {
            var id = http.GetRouteValue("id")?.ToString() ?? "";
            await using (var connection = await db.OpenAsync())
            {
                if (!await DocumentRecords.IsPublicAsync(connection, id, filter.Now))
                {
                    return ApiProblems.NotFound($"没有 id 为 {id} 的已公开文件。");
                }
            }

            filter.And(Public.Allocations).And("a.document_id = @document", new { document = id });
            await FilterRegion(query, filter, db);
            return null;
        }, ("id", "文件 id，如 xcz-2024-9。", "xcz-2024-9"));
    }

    static async Task FilterRegion(ApiQuery query, SqlFilter filter, Db db)
    {
        if (query.Text("region") is { } region && await ApiRoutes.CheckRegionAsync(query, "region", region, db))
        {
            filter.And(RegionCodes.Under("a.region_code"), SqlFilter.Under(region));
        }
    }
}
