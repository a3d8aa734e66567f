using System.Data.Common;
using System.Globalization;
using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>/api/v1/announcements: the 公告公示 with the projects and documents they name.</summary>
public static class AnnouncementsApi
{
    // Children of a batch joined to the batch's scope; links only to projects and documents that are public themselves.
    static readonly string ProjectsOf = $$"""
        SELECT cap.announcement_id AS AnnouncementId, cp.code AS Id
        {0} JOIN announcement_projects cap ON cap.announcement_id = a.id JOIN projects cp ON cp.id = cap.project_id
        {1} AND {{Public.Project("cp.id")}}
        ORDER BY cap.announcement_id, cp.code
        """;

    static readonly string DocumentsOf = $$"""
        SELECT cad.announcement_id AS AnnouncementId, cad.document_id AS Id
        {0} JOIN announcement_documents cad ON cad.announcement_id = a.id
        {1} AND {{Public.Document("cad.document_id")}}
        ORDER BY cad.announcement_id, cad.document_id
        """;

    sealed record Link
    {
        public required string AnnouncementId { get; init; }
        public required string Id { get; init; }
    }

    static readonly IReadOnlyList<ApiField<AnnouncementRecord>> Fields =
    [
        new("id", FieldType.Code, "公告的稳定标识，用在 /announcements/{id} 地址中。", a => a.Id) { Pattern = CodePatterns.Slug },
        new("title", FieldType.Text, "公告标题。", a => a.Title),
        ..CommonFields.Region<AnnouncementRecord>("county", "发布公告的县（市、区）代码。", a => a.CountyCode, a => a.CountyName, CodePatterns.County),
        new("publisher", FieldType.Text, "发布单位。", a => a.Publisher),
        new("aroseOn", FieldType.Date, "信息形成日期。", a => a.AroseOn) { Nullable = true, NullMeans = "未说明" },
        new("publishedAt", FieldType.DateTime, "公开时间（北京时间）。", a => a.PublishedAt) { Nullable = true, NullMeans = "已公开，来源未载明公开时间" },
        new("signedOn", FieldType.Date, "落款日期：公告末尾发布单位旁印的日期，不是公开时间。", a => a.SignedOn) { Nullable = true, NullMeans = "未印落款日期" },
        new("body", FieldType.Text, "公告正文（不含项目表，项目见 projectIds）。", a => a.Body),
        new("projectIds", FieldType.List, "公告列出的项目编号（见 projects）；CSV 中用 ; 分隔。", a => a.ProjectIds) { HoldsCodes = true, Pattern = CodePatterns.ListOf(CodePatterns.Slug) },
        new("documentIds", FieldType.List, "公告附带或依据的文件 id（见 documents）；CSV 中用 ; 分隔。", a => a.DocumentIds) { HoldsCodes = true, Pattern = CodePatterns.ListOf(CodePatterns.Slug) },
        new("sourceDocumentId", FieldType.Code, "刊载公告的文件 id（出处）。", a => a.SourceDocumentId) { Pattern = CodePatterns.Slug },
        new("note", FieldType.Text, "整理说明。", a => a.Note) { Nullable = true },
    ];

    /// <summary>The list: its dataset's name, SQL, key and fields (the catalog reads them from here).</summary>
    public static readonly ListSource<AnnouncementRecord> Source = new()
    {
        Dataset = "announcements", Select = AnnouncementRecords.Select, From = AnnouncementRecords.From, Key = "a.id", KeyKind = KeyKind.Text, KeyOf = a => a.Id, Fields = Fields,
        AttachChildren = AttachChildren,
    };

    static readonly ApiParam Region = new("region", ParamKind.Code,
        "区划代码，含所有下级：县级及以上按发布公告的县，乡镇和村按公告所列项目的建设地点。") { Example = "654202" };

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapList("/announcements", "公告公示", "各县发布的资金安排使用情况公告公示。", [Region, ApiParam.PublishedFrom, ApiParam.PublishedTo], Source, async (query, filter, db, _) =>
        {
            filter.And(Public.Announcements);
            query.FilterPublished(filter, "a.published_at");
            if (query.Text("region") is { } region && await ApiRoutes.CheckRegionAsync(query, "region", region, db))
            {
                filter.And(region.Length <= 6
                    ? RegionCodes.Under("a.county_code")
                    : $"EXISTS (SELECT 1 FROM announcement_projects ap WHERE ap.announcement_id = a.id AND {ProjectRecords.PlacedUnder("ap.project_id")})",
                    SqlFilter.Under(region));
            }

            return null;
        });

        api.MapItem("/announcements/{id}", "一则公告公示", Source, "a.id = @id", [Public.Announcements],
            ("id", "公告 id，如 wusu-2024-gs-1。", "wusu-2024-gs-1"), "没有 id 为 {0} 的已公开公告。");
    }

    static async Task AttachChildren(DbConnection connection, IReadOnlyList<AnnouncementRecord> rows, BatchScope batch)
    {
        var byId = rows.ToDictionary(r => r.Id);
        await batch.AttachAsync<string, AnnouncementRecord, Link>(connection, ProjectsOf, byId, l => l.AnnouncementId, (a, link) => a.ProjectIds.Add(link.Id));
        await batch.AttachAsync<string, AnnouncementRecord, Link>(connection, DocumentsOf, byId, l => l.AnnouncementId, (a, link) => a.DocumentIds.Add(link.Id));
    }
}
