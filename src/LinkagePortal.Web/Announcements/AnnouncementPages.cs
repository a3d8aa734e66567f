using LinkagePortal.Rendering;

namespace LinkagePortal.Announcements;

/// <summary>The 公告公示 as published: the list, and each notice with its projects, documents and contacts.</summary>
public static class AnnouncementPages
{
    // In the order the notice's table prints them.
    const string LinkedProjects = $"""
        {ProjectRecords.Select} {ProjectRecords.From} JOIN announcement_projects ap ON ap.project_id = p.id
        WHERE ap.announcement_id = @id AND {Public.Projects}
        ORDER BY p.row_no, p.id
        """;

    const string LinkedDocuments = $"""
        {DocumentRecords.Select} {DocumentRecords.From} JOIN announcement_documents ad ON ad.document_id = d.id
        WHERE ad.announcement_id = @id AND {Public.Documents}
        ORDER BY d.issued_on, d.id
        """;

    public sealed record ListModel(long Count, IReadOnlyList<AnnouncementRecord> Announcements) : FirstRows(Count, Announcements.Count);

    /// <summary>A notice's page; <see cref="Address"/> is its absolute address (for the QR code and the printed copy).</summary>
    public sealed record Model(
        AnnouncementRecord Announcement,
        IReadOnlyList<ProjectRecord> Projects,
        long TotalYuan,
        IReadOnlyList<DocumentRecord> Documents,
        IReadOnlyList<ContactRecord> Contacts,
        string Address,
        IReadOnlyList<QrCode> QrCodes,
        RecordHistory History)
    {
        public NoticeText Text { get; } = NoticeText.Of(Announcement.Paragraphs, Announcement.Publisher);
    }

    /// <summary>A listed project's QR code as printed with the notice: it opens the project at the version printed.</summary>
    public sealed record QrCode(long Id, string Code, long Version);

    public static async Task<ListModel> LoadListAsync(Db db, DateTime now)
    {
        await using var connection = await db.OpenAsync();
        return new ListModel(await AnnouncementRecords.CountAsync(connection, now), await AnnouncementRecords.LatestAsync(connection, db.Dialect, now, FirstRows.Shown));
    }

    /// <summary>A notice's absolute address, from <c>Portal:PublicBaseUrl</c> (never the request's Host).</summary>
    public static string AddressOf(string publicBaseUrl, string id) => $"{publicBaseUrl}/announcements/{Uri.EscapeDataString(id)}";

    /// <summary>The notice's model, or null when there is no such visible notice.</summary>
    public static async Task<Model?> LoadAsync(Db db, string id, DateTime now, string publicBaseUrl)
    {
        await using var connection = await db.OpenAsync();
        var args = new { id, now };
        var announcement = await AnnouncementRecords.ByIdAsync(connection, id, now);
        if (announcement is null)
        {
            return null;
        }

        var projects = await ProjectRecords.WithPlacesAsync(connection, (await connection.QueryAsync<ProjectRecord>(LinkedProjects, args)).ToList());
        var versions = await RecordVersions.CurrentAsync(connection, "projects", projects.Select(p => p.Code).ToList(), now);

        return new Model(announcement, projects, projects.Sum(p => p.AmountYuan),
            (await connection.QueryAsync<DocumentRecord>(LinkedDocuments, args)).ToList(),
            await ContactRecords.ForAsync(connection, announcement.CountyCode, now), AddressOf(publicBaseUrl, id),
            projects.Select(p => new QrCode(p.Id, p.Code, versions.GetValueOrDefault(p.Code))).ToList(),
            new RecordHistory(await RecordVersions.OfAsync(connection, "announcements", announcement.Id, now), null));
    }
}
