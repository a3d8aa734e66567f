using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Hotline;
using LinkagePortal.Regions;
using LinkagePortal.Rendering;

namespace LinkagePortal.Projects;

/// <summary>Everything known about one project, each fact with the document it comes from, and whom to call about it.</summary>
public static class ProjectPage
{
    const string ProjectById = """
        SELECT p.id AS Id, p.code AS Code, p.programme AS Programme, p.fiscal_year AS FiscalYear, p.name AS Name,
               p.county_code AS CountyCode, c.short_name AS CountyName, p.amount_yuan AS AmountYuan, p.printed_text AS PrintedText,
               p.derivation AS Derivation, p.responsible_unit AS ResponsibleUnit, p.category AS Category,
               p.construction_content AS ConstructionContent, p.status AS Status, p.spent_yuan AS SpentYuan,
               d.id AS SourceDocumentId, COALESCE(d.number, d.title) AS SourceDocumentName, p.source_table AS SourceTable, p.row_no AS RowNo,
               p.published_at AS PublishedAt, p.note AS Note
        FROM projects p
        JOIN regions c ON c.code = p.county_code
        LEFT JOIN documents d ON d.id = p.source_document_id AND (d.published_at IS NULL OR d.published_at <= @now)
        WHERE p.id = @id AND (p.published_at IS NULL OR p.published_at <= @now)
        """;

    const string IdByCode = "SELECT p.id FROM projects p WHERE p.code = @code AND (p.published_at IS NULL OR p.published_at <= @now)";

    const string Places = """
        SELECT pp.place_as_printed AS Printed, pp.region_code AS Code, r.short_name AS Name, up.short_name AS ParentName,
               pp.match_kind AS MatchKind, pp.note AS Note
        FROM project_places pp
        LEFT JOIN regions r ON r.code = pp.region_code
        LEFT JOIN regions up ON up.code = r.parent_code
        WHERE pp.project_id = @id
        ORDER BY pp.id
        """;

    const string Funds = """
        SELECT d.id AS DocumentId, COALESCE(d.number, d.title) AS Name, d.title AS Title, d.issuer AS Issuer, d.fund_level AS FundLevel
        FROM project_funds f
        JOIN documents d ON d.id = f.document_id
        WHERE f.project_id = @id AND (d.published_at IS NULL OR d.published_at <= @now)
        ORDER BY d.issued_on, d.id
        """;

    // The project's own targets; failing those, the target tables of the documents that fund it.
    const string OwnTargets = """
        SELECT t.document_id AS DocumentId, NULL AS DocumentName, t.source_table AS SourceTable, t.level1 AS Level1, t.level2 AS Level2,
               t.level3 AS Level3, t.target_value AS TargetValue, t.unit AS Unit, t.actual_value AS ActualValue
        FROM performance_targets t
        LEFT JOIN documents d ON d.id = t.document_id
        WHERE t.project_id = @id AND (t.published_at IS NULL OR t.published_at <= @now)
          AND (d.published_at IS NULL OR d.published_at <= @now)
        ORDER BY t.id
        """;

    const string FundTargets = """
        SELECT t.document_id AS DocumentId, COALESCE(d.number, d.title) AS DocumentName, t.source_table AS SourceTable, t.level1 AS Level1,
               t.level2 AS Level2, t.level3 AS Level3, t.target_value AS TargetValue, t.unit AS Unit, t.actual_value AS ActualValue
        FROM performance_targets t
        JOIN project_funds f ON f.document_id = t.document_id
        JOIN documents d ON d.id = t.document_id
        WHERE f.project_id = @id AND t.project_id IS NULL
          AND (t.published_at IS NULL OR t.published_at <= @now) AND (d.published_at IS NULL OR d.published_at <= @now)
        ORDER BY t.document_id, t.id
        """;

    const string Announcements = """
        SELECT a.id AS Id, a.title AS Title, a.published_at AS PublishedAt
        FROM announcement_projects ap
        JOIN announcements a ON a.id = ap.announcement_id
        WHERE ap.project_id = @id AND (a.published_at IS NULL OR a.published_at <= @now)
        ORDER BY a.published_at, a.id
        """;

    public sealed record Project
    {
        public long Id { get; init; }
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
        public string? SourceDocumentId { get; init; }
        public string? SourceDocumentName { get; init; }
        public required string SourceTable { get; init; }
        public long? RowNo { get; init; }
        public DateTime? PublishedAt { get; init; }
        public string? Note { get; init; }

        public string ProgrammeLabel => Labels.Programme(Programme);
        public string DerivationLabel => Labels.Derivation(Derivation);
        public bool IsMarked => Derivation != "printed";
        public bool HasSpent => SpentYuan is not null;

        /// <summary>The source printed the amount otherwise (0.1000 亿元): shown beside the figure in 万元.</summary>
        public bool PrintedTextDiffers => PrintedText is { } printed
            && printed != Money.FormatWan(AmountYuan) && printed != Money.ToWan(AmountYuan).ToString(System.Globalization.CultureInfo.InvariantCulture);
        public DateTime? PublishedOn => PublishedAt is { } t ? Dates.ToBeijing(t) : null;
    }

    public sealed record Place
    {
        public required string Printed { get; init; }
        public string? Code { get; init; }
        public string? Name { get; init; }
        public string? ParentName { get; init; }
        public required string MatchKind { get; init; }
        public string? Note { get; init; }
        public string MatchLabel => Labels.PlaceMatch(MatchKind);
        public bool IsExact => MatchKind == "exact";
    }

    public sealed record Fund
    {
        public required string DocumentId { get; init; }
        public required string Name { get; init; }
        public required string Title { get; init; }
        public required string Issuer { get; init; }
        public string? FundLevel { get; init; }
        public string? FundLevelLabel => Labels.FundLevel(FundLevel);
    }

    public sealed record Target
    {
        public string? DocumentId { get; init; }
        public string? DocumentName { get; init; }
        public required string SourceTable { get; init; }
        public string? Level1 { get; init; }
        public required string Level2 { get; init; }
        public string? Level3 { get; init; }
        public string? TargetValue { get; init; }
        public string? Unit { get; init; }
        public string? ActualValue { get; init; }
    }

    public sealed record TargetTable(string? DocumentId, string? DocumentName, string SourceTable, IReadOnlyList<Target> Rows);

    public sealed record Model(
        Project Project,
        IReadOnlyList<Place> Places,
        IReadOnlyList<Fund> Funds,
        bool HasOwnTargets,
        IReadOnlyList<TargetTable> Targets,
        IReadOnlyList<RegionPage.AnnouncementLink> Announcements,
        IReadOnlyList<SupervisionContacts.Contact> Contacts,
        ComplaintCounts.Counts Complaints);

    public static async Task<long?> IdByCodeAsync(Db db, string code, DateTime now)
    {
        await using var connection = await db.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<long?>(IdByCode, new { code, now });
    }

    /// <summary>The page's model, or null when there is no such visible project.</summary>
    public static async Task<Model?> LoadAsync(Db db, long id, DateTime now)
    {
        await using var connection = await db.OpenAsync();
        var args = new { id, now };
        var project = await connection.QuerySingleOrDefaultAsync<Project>(ProjectById, args);
        if (project is null)
        {
            return null;
        }

        var own = (await connection.QueryAsync<Target>(OwnTargets, args)).ToList();
        var targets = own.Count > 0 ? own : (await connection.QueryAsync<Target>(FundTargets, args)).ToList();
        return new Model(
            project,
            (await connection.QueryAsync<Place>(Places, args)).ToList(),
            (await connection.QueryAsync<Fund>(Funds, args)).ToList(),
            own.Count > 0,
            targets.GroupBy(t => (t.DocumentId, t.DocumentName, t.SourceTable))
                .Select(g => new TargetTable(g.Key.DocumentId, g.Key.DocumentName, g.Key.SourceTable, g.ToList())).ToList(),
            (await connection.QueryAsync<RegionPage.AnnouncementLink>(Announcements, args)).ToList(),
            await SupervisionContacts.ForAsync(connection, project.CountyCode, now),
            await ComplaintCounts.ForAsync(connection, project.Id, now));
    }
}
