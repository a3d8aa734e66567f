using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>/api/v1/regions: the official divisions of Xinjiang (province → village), by code and by parent.</summary>
public static class RegionsApi
{
    static readonly IReadOnlyList<ApiField<RegionRecord>> Fields =
    [
        new("code", FieldType.Code, "统计用区划代码：自治区 2 位、地（州、市）4 位、县（市、区）6 位、乡镇 9 位、村（社区）12 位。上级代码是下级代码的前缀。", r => r.Code) { Pattern = CodePatterns.Region },
        new("name", FieldType.Text, "通用简称：村委会写作“村”（科克萨拉村委会 → 科克萨拉村），社区居委会写作“社区”。", r => r.ShortName),
        new("officialName", FieldType.Text, "区划代码表中的全称（如 科克萨拉村委会）。", r => r.Name),
        new("level", FieldType.Enum, "层级：province 自治区，prefecture 地（州、市），county 县（市、区），township 乡镇，village 村（社区）。", r => r.Level) { Values = Vocabulary.RegionLevels.Values },
        new("parentCode", FieldType.Code, "上级区划代码；自治区为空。", r => r.ParentCode) { Nullable = true, NullMeans = "没有上级（自治区）", Pattern = CodePatterns.Region },
    ];

    /// <summary>The list: its dataset's name, SQL, key and fields (the catalog reads them from here).</summary>
    public static readonly ListSource<RegionRecord> Source = new()
    {
        Dataset = "regions", Select = RegionRecords.Select, From = RegionRecords.From, Key = "r.code", KeyKind = KeyKind.Text, KeyOf = r => r.Code, Fields = Fields,
    };

    static readonly ApiParam Parent = new("parent", ParamKind.Code, "只列这个区划的直接下级。") { Example = "654202109" };
    static readonly ApiParam Level = new("level", ParamKind.Enum, "只列这一层级。") { Values = Vocabulary.RegionLevels.Values, Example = "county" };

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapList("/regions", "区划列表", "新疆维吾尔自治区的统计用区划（2023 年版），按代码排序。", [Parent, Level], Source, async (query, filter, db, _) =>
        {
            if (query.Text("parent") is { } parent && await ApiRoutes.CheckRegionAsync(query, "parent", parent, db))
            {
                filter.And("r.parent_code = @parent", new { parent });
            }

            if (query.Text("level") is { } level)
            {
                filter.And("r.level = @level", new { level });
            }

            return null;
        });

        api.MapItem("/regions/{code}", "一个区划", Source, "r.code = @id", [], ("code", "区划代码，如 654202。", "654202109"),
            "没有代码为 {0} 的区划。");
    }
}
