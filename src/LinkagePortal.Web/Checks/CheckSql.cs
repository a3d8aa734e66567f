namespace LinkagePortal.Checks;

/// <summary>
/// The SQL the checks read and write. A public table is read through its record (columns, joins and the embargo rule,
/// <see cref="Public"/>): a record whose <c>published_at</c> lies ahead of the clock, or whose source document's does,
/// is not public and is not counted. Curated records only: synthetic (benchmark) rows are never checked.
/// </summary>
static class CheckSql
{
    /// <summary>What the results were built from besides the clock: the data version (imports) and the audit log (complaints).</summary>
    public const string Inputs = """
        SELECT (SELECT version FROM data_version WHERE id = 1) AS DataVersion, (SELECT COALESCE(MAX(id), 0) FROM audit_log) AS AuditEntry
        """;

    public const string Counties = $"{RegionRecords.Select} {RegionRecords.From} WHERE r.level = 'county' ORDER BY r.code";

    public const string Documents = $"{DocumentRecords.Select} {DocumentRecords.From} WHERE {Public.Documents}";

    // One printed cell per county × task; a "其中" column (part_of_task) is part of another cell and not added.
    public const string Allocations = $"""
        SELECT {AllocationRecords.Columns} {AllocationRecords.From}
        WHERE r.level = 'county' AND a.part_of_task IS NULL AND a.is_synthetic = 0 AND {Public.Allocations}
        ORDER BY a.region_code, a.id
        """;

    public const string Projects = $"{ProjectRecords.Select} {ProjectRecords.From} WHERE p.is_synthetic = 0 AND {Public.Projects} ORDER BY p.county_code, p.id";

    public static readonly string ProjectFunds = $"""
        SELECT f.project_id AS ProjectId, f.document_id AS DocumentId
        FROM project_funds f
        JOIN projects p ON p.id = f.project_id
        JOIN documents d ON d.id = f.document_id
        WHERE p.is_synthetic = 0 AND {Public.Projects} AND {Public.Documents}
        """;

    // A county's account of its funds is public with the document that prints it.
    public static readonly string FundReports = $"""
        SELECT f.region_code AS CountyCode, f.fiscal_year AS FiscalYear, f.item AS Item, f.label AS Label, f.value AS Value, f.unit AS Unit,
               f.source_document_id AS SourceDocumentId
        FROM fund_reports f JOIN documents d ON d.id = f.source_document_id
        WHERE {Public.Documents}
        ORDER BY f.region_code, f.id
        """;

    public const string Announcements = $"{AnnouncementRecords.Select} {AnnouncementRecords.From} WHERE {Public.Announcements} ORDER BY a.county_code, a.id";

    // A notice lists projects by code, as its record does.
    public static readonly string AnnouncementProjects = $"""
        SELECT ap.announcement_id, p.code
        FROM announcement_projects ap
        JOIN announcements a ON a.id = ap.announcement_id
        JOIN projects p ON p.id = ap.project_id
        WHERE {Public.Announcements} AND {Public.Projects}
        """;

    // A hotline counts when a public document prints it: the contact's record names its source only then.
    public const string Hotlines = $"{ContactRecords.Select} {ContactRecords.From} WHERE c.hotline IS NOT NULL AND d.id IS NOT NULL";

    // Complaints about public projects only; the time a complaint was closed is its first move to resolved or unfounded.
    public static readonly string Complaints = $"""
        SELECT p.county_code AS CountyCode, c.status AS Status, c.received_at AS ReceivedAt,
               (SELECT MIN(s.changed_at) FROM complaint_status_changes s WHERE s.complaint_id = c.id AND s.to_status IN ('resolved', 'unfounded')) AS ClosedAt
        FROM complaints c JOIN projects p ON p.id = c.project_id
        WHERE c.received_at <= @now AND {Public.Projects}
        ORDER BY p.county_code, c.id
        """;

    public const string ClearResults = "DELETE FROM check_results";

    public const string InsertResult = """
        INSERT INTO check_results (check_kind, rule_id, county_code, programme, fiscal_year, subject_kind, subject_id, subject_title, item, outcome,
            allocated_yuan, detailed_yuan, reported_yuan, difference_yuan, amount_yuan, figure, unit, matched_words, source_document_id, detail)
        VALUES (@CheckKind, @RuleId, @CountyCode, @Programme, @FiscalYear, @SubjectKind, @SubjectId, @SubjectTitle, @Item, @Outcome,
            @AllocatedYuan, @DetailedYuan, @ReportedYuan, @DifferenceYuan, @AmountYuan, @Figure, @Unit, @MatchedWords, @SourceDocumentId, @Detail)
        """;

    /// <summary>The results with their rules, documents and county names: the API's and the pages' one reading of them.</summary>
    public const string ResultSelect = """
        SELECT r.id AS Id, r.check_kind AS CheckKind, r.rule_id AS RuleId, k.title AS RuleTitle, k.document_id AS RuleDocumentId,
               rd.number AS RuleDocumentNumber, k.article AS RuleArticle, k.quote AS RuleQuote,
               r.county_code AS CountyCode, g.short_name AS CountyName, r.programme AS Programme, r.fiscal_year AS FiscalYear,
               r.subject_kind AS SubjectKind, r.subject_id AS SubjectId, r.subject_title AS SubjectTitle, r.item AS Item, r.outcome AS Outcome,
               r.allocated_yuan AS AllocatedYuan, r.detailed_yuan AS DetailedYuan, r.reported_yuan AS ReportedYuan, r.difference_yuan AS DifferenceYuan,
               r.amount_yuan AS AmountYuan, r.figure AS Figure, r.unit AS Unit, r.matched_words AS MatchedWords,
               r.source_document_id AS SourceDocumentId, sd.number AS SourceDocumentNumber, r.detail AS Detail
        """;

    public const string ResultFrom = """
        FROM check_results r
        JOIN check_rules k ON k.id = r.rule_id
        JOIN documents rd ON rd.id = k.document_id
        JOIN regions g ON g.code = r.county_code
        LEFT JOIN documents sd ON sd.id = r.source_document_id
        """;

    /// <summary>The rules with the documents that state them: what the checks apply and the /checks page shows.</summary>
    public const string Rules = """
        SELECT k.id AS Id, k.check_kind AS CheckKind, k.title AS Title, k.document_id AS DocumentId, d.number AS DocumentNumber, d.title AS DocumentTitle,
               k.article AS Article, k.quote AS Quote, k.keywords AS Keywords, k.note AS Note
        FROM check_rules k JOIN documents d ON d.id = k.document_id
        ORDER BY k.id
        """;
}
