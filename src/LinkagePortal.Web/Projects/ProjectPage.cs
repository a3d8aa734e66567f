namespace LinkagePortal.Projects;

/// <summary>Everything known about one project, each fact with the document it comes from, and whom to call about it.</summary>
public static class ProjectPage
{
    const string Funds = $"""
        {DocumentRecords.Select}
        FROM project_funds f JOIN documents d ON d.id = f.document_id
        WHERE f.project_id = @id AND {Public.Documents}
        ORDER BY d.issued_on, d.id
        """;

    const string Announcements = $"""
        {AnnouncementRecords.Select}
        {AnnouncementRecords.From} JOIN announcement_projects ap ON ap.announcement_id = a.id
        WHERE ap.project_id = @id AND {Public.Announcements}
        ORDER BY a.published_at, a.id
        """;

    /// <summary><see cref="Source"/>: the document that lists the project (public whenever the project is), for its citation.</summary>
    public sealed record Model(
        ProjectRecord Project,
        DocumentRecord Source,
        IReadOnlyList<ProjectPlace> Places,
        IReadOnlyList<DocumentRecord> Funds,
        bool HasOwnTargets,
        IReadOnlyList<TargetTable> Targets,
        IReadOnlyList<AnnouncementRecord> Announcements,
        IReadOnlyList<ContactRecord> Contacts,
        ComplaintCounts.Counts Complaints,
        RecordHistory History);

    public static async Task<long?> IdByCodeAsync(Db db, string code, DateTime now)
    {
        await using var connection = await db.OpenAsync();
        return await ProjectRecords.IdByCodeAsync(connection, code, now);
    }

    /// <summary>
    /// The page's model, or null when there is no such public project; <paramref name="printedVersion"/> is the version
    /// a printed notice's QR code carries (the page then says whether the project changed since).
    /// </summary>
    public static async Task<Model?> LoadAsync(Db db, long id, DateTime now, long? printedVersion = null)
    {
        await using var connection = await db.OpenAsync();
        var project = await ProjectRecords.ByIdAsync(connection, id, now);
        if (project is null)
        {
            return null;
        }

        // The project's own targets; failing those, the target tables of the documents that fund it.
        var own = await PerformanceTargetRecords.OfProjectAsync(connection, id, now);
        var args = new { id, now };
        return new Model(
            project,
            (await DocumentRecords.ByIdAsync(connection, project.SourceDocumentId, now))!,
            (await ProjectRecords.PlacesAsync(connection, [id]))[id].ToList(),
            (await connection.QueryAsync<DocumentRecord>(Funds, args)).ToList(),
            own is not null,
            own ?? await PerformanceTargetRecords.OfProjectFundsAsync(connection, id, now),
            (await connection.QueryAsync<AnnouncementRecord>(Announcements, args)).ToList(),
            await ContactRecords.ForAsync(connection, project.CountyCode, now),
            await ComplaintCounts.ForAsync(connection, project.Id, now),
            new RecordHistory(await RecordVersions.OfAsync(connection, "projects", project.Code, now), printedVersion));
    }
}
