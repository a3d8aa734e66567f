using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Regions;

namespace LinkagePortal.Announcements;

/// <summary>The 公告公示 as published: the list, and each notice with its projects, documents and contacts.</summary>
public static class AnnouncementPages
{
    public const int ListShown = 100;

    const string Latest = """
        SELECT a.id AS Id, a.title AS Title, a.county_code AS CountyCode, r.short_name AS CountyName, a.publisher AS Publisher,
               a.published_at AS PublishedAt
        FROM announcements a
        JOIN regions r ON r.code = a.county_code
        WHERE a.published_at IS NULL OR a.published_at <= @now
        ORDER BY a.published_at DESC, a.id
        """;

    const string CountVisible = "SELECT COUNT(*) FROM announcements a WHERE a.published_at IS NULL OR a.published_at <= @now";

    const string AnnouncementById = """
        SELECT a.id AS Id, a.title AS Title, a.county_code AS CountyCode, r.short_name AS CountyName, a.publisher AS Publisher,
               a.arose_on AS AroseOn, a.published_at AS PublishedAt, a.body AS Body, d.id AS SourceDocumentId,
               COALESCE(d.number, d.title) AS SourceDocumentName, a.note AS Note
        FROM announcements a
        JOIN regions r ON r.code = a.county_code
        LEFT JOIN documents d ON d.id = a.source_document_id AND (d.published_at IS NULL OR d.published_at <= @now)
        WHERE a.id = @id AND (a.published_at IS NULL OR a.published_at <= @now)
        """;

    // In the order the notice's table prints them.
    const string LinkedProjects = """
        SELECT p.id AS Id, p.code AS Code, p.name AS Name, p.fiscal_year AS FiscalYear, p.amount_yuan AS AmountYuan,
               p.derivation AS Derivation, p.responsible_unit AS ResponsibleUnit
        FROM announcement_projects ap
        JOIN projects p ON p.id = ap.project_id
        WHERE ap.announcement_id = @id AND (p.published_at IS NULL OR p.published_at <= @now)
        ORDER BY p.row_no, p.code
        """;

    const string PlacesOfProjects = """
        SELECT pp.project_id AS ProjectId, pp.place_as_printed AS Printed, pp.region_code AS Code, r.short_name AS Name
        FROM project_places pp
        LEFT JOIN regions r ON r.code = pp.region_code
        WHERE pp.project_id IN @ids
        ORDER BY pp.id
        """;

    const string LinkedDocuments = """
        SELECT d.id AS Id, COALESCE(d.number, d.title) AS Name, d.title AS Title, d.issuer AS Issuer, d.issued_on AS IssuedOn
        FROM announcement_documents ad
        JOIN documents d ON d.id = ad.document_id
        WHERE ad.announcement_id = @id AND (d.published_at IS NULL OR d.published_at <= @now)
        ORDER BY d.issued_on, d.id
        """;

    public sealed record ListItem
    {
        public required string Id { get; init; }
        public required string Title { get; init; }
        public required string CountyCode { get; init; }
        public required string CountyName { get; init; }
        public required string Publisher { get; init; }
        public DateTime? PublishedAt { get; init; }
        public DateTime? PublishedOn => PublishedAt is { } t ? Dates.ToBeijing(t) : null;
    }

    public sealed record ListModel(long Count, IReadOnlyList<ListItem> Announcements)
    {
        public bool HasMore => Count > Announcements.Count;
    }

    public sealed record Announcement
    {
        public required string Id { get; init; }
        public required string Title { get; init; }
        public required string CountyCode { get; init; }
        public required string CountyName { get; init; }
        public required string Publisher { get; init; }
        public DateTime? AroseOn { get; init; }
        public DateTime? PublishedAt { get; init; }
        public required string Body { get; init; }
        public string? SourceDocumentId { get; init; }
        public string? SourceDocumentName { get; init; }
        public string? Note { get; init; }
        public DateTime? PublishedOn => PublishedAt is { } t ? Dates.ToBeijing(t) : null;

        /// <summary>The notice text as paragraphs, one per printed line.</summary>
        public IReadOnlyList<string> Paragraphs => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public sealed record LinkedDocument
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public required string Title { get; init; }
        public required string Issuer { get; init; }
        public DateTime? IssuedOn { get; init; }
    }

    public sealed record Model(
        Announcement Announcement,
        IReadOnlyList<RegionPage.ProjectRow> Projects,
        long TotalYuan,
        IReadOnlyList<LinkedDocument> Documents,
        IReadOnlyList<SupervisionContacts.Contact> Contacts);

    public static async Task<ListModel> LoadListAsync(Db db, DateTime now)
    {
        await using var connection = await db.OpenAsync();
        return new ListModel(await connection.ExecuteScalarAsync<long>(CountVisible, new { now }),
            (await connection.QueryAsync<ListItem>(Latest + db.Dialect.Limit("@take"), new { now, take = ListShown })).ToList());
    }

    /// <summary>The notice's model, or null when there is no such visible notice.</summary>
    public static async Task<Model?> LoadAsync(Db db, string id, DateTime now)
    {
        await using var connection = await db.OpenAsync();
        var args = new { id, now };
        var announcement = await connection.QuerySingleOrDefaultAsync<Announcement>(AnnouncementById, args);
        if (announcement is null)
        {
            return null;
        }

        var projects = (await connection.QueryAsync<RegionPage.ProjectRow>(LinkedProjects, args)).ToList();
        if (projects.Count > 0)
        {
            var places = (await connection.QueryInChunksAsync<RegionPage.PlaceLink, long>(PlacesOfProjects, "ids", projects.Select(p => p.Id)))
                .ToLookup(p => p.ProjectId);
            projects = projects.Select(p => p with { Places = places[p.Id].ToList() }).ToList();
        }

        return new Model(announcement, projects, projects.Sum(p => p.AmountYuan),
            (await connection.QueryAsync<LinkedDocument>(LinkedDocuments, args)).ToList(),
            await SupervisionContacts.ForAsync(connection, announcement.CountyCode, now));
    }
}
