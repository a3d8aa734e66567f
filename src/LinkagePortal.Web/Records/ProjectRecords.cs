using System.Data.Common;
using System.Globalization;

namespace LinkagePortal.Records;

/// <summary>A project as its page, the lists of the region, document and notice pages, the API and its CSV give it.</summary>
public sealed record ProjectRecord : CountyRecord
{
    public long Id { get; init; }
    public required string Code { get; init; }
    public required string Programme { get; init; }
    public long FiscalYear { get; init; }
    public required string Name { get; init; }
    public long AmountYuan { get; init; }
    public string? PrintedText { get; init; }
    public required string Derivation { get; init; }
    public string? ResponsibleUnit { get; init; }
    public string? Category { get; init; }
    public string? ConstructionContent { get; init; }
    public string? Status { get; init; }
    public long? SpentYuan { get; init; }
    public required string SourceTable { get; init; }
    public long? RowNo { get; init; }

    /// <summary>Its places, when asked for (<see cref="ProjectRecords.WithPlacesAsync"/>, or per batch in the API).</summary>
    public List<ProjectPlace> Places { get; } = [];

    /// <summary>The public documents that fund it, when asked for (per batch in the API).</summary>
    public List<string> DocumentIds { get; } = [];

    /// <summary>Its places that are villages, each village once, in the order of its places.</summary>
    public IReadOnlyList<ProjectPlace> Villages
    {
        get
        {
            // Most projects have one place: answered without the LINQ iterators (two per row in a CSV export).
            if (Places.Count == 1)
            {
                return Places[0].Level == "village" ? Places : [];
            }

            return [.. Places.Where(p => p.Level == "village").DistinctBy(p => p.Code)];
        }
    }
    public string ProgrammeLabel => Vocabulary.Programmes.Label(Programme);
    public string DerivationLabel => Vocabulary.Derivations.Label(Derivation);
    public bool IsMarked => Derivation != "printed";
    public bool HasSpent => SpentYuan is not null;

    /// <summary>The source printed the amount otherwise (0.1000 亿元): shown beside the figure in 万元.</summary>
    public bool PrintedTextDiffers => PrintedText is { } printed
        && printed != Money.FormatWan(AmountYuan) && printed != Money.ToWan(AmountYuan).ToString(CultureInfo.InvariantCulture);
}

/// <summary>A place a project names, as printed, and the division it was matched to (if any).</summary>
public sealed record ProjectPlace
{
    public long ProjectId { get; init; }
    public required string Printed { get; init; }
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? ParentName { get; init; }
    public string? Level { get; init; }
    public required string MatchKind { get; init; }
    public string? Note { get; init; }
    public string MatchLabel => Vocabulary.PlaceMatches.Label(MatchKind);
    public bool IsExact => MatchKind == "exact";
}

/// <summary>
/// The projects table: its columns, the joins that name its county and source document, and the named queries of
/// every consumer. Public means <see cref="Public.Projects"/>: the project and the document that lists it.
/// </summary>
public static class ProjectRecords
{
    public static readonly PublicRows Rows = new("projects p", Public.Projects, "p.source_document_id", HasPublicationTime: true)
    {
        MaintainedCount = RegionTotals.AllProjectsCount,
    };

    /// <summary>The columns of <see cref="ProjectRecord"/> over <see cref="From"/>.</summary>
    public const string Select = """
        SELECT p.id, p.code, p.programme, p.fiscal_year, p.name, p.county_code, c.short_name AS county_name, p.amount_yuan,
               p.printed_text, p.derivation, p.responsible_unit, p.category, p.construction_content, p.status, p.spent_yuan,
               p.source_document_id, COALESCE(d.number, d.title) AS source_document_name, p.source_table, p.row_no, p.arose_on,
               p.published_at, p.note
        """;

    /// <summary>
    /// A row of <see cref="Select"/> by ordinal, as Dapper maps it (the API's pages and exports read every row so).
    /// Integers go through <see cref="Convert"/>: SQL Server's id, fiscal_year and row_no are INT, SQLite's 64-bit.
    /// </summary>
    public static ProjectRecord Read(DbDataReader r) => new()
    {
        Id = Integer(r, 0), Code = r.GetString(1), Programme = r.GetString(2), FiscalYear = Integer(r, 3), Name = r.GetString(4),
        CountyCode = r.GetString(5), CountyName = r.GetString(6), AmountYuan = Integer(r, 7), PrintedText = Text(r, 8),
        Derivation = r.GetString(9), ResponsibleUnit = Text(r, 10), Category = Text(r, 11), ConstructionContent = Text(r, 12),
        Status = Text(r, 13), SpentYuan = r.IsDBNull(14) ? null : Integer(r, 14), SourceDocumentId = r.GetString(15),
        SourceDocumentName = r.GetString(16), SourceTable = r.GetString(17), RowNo = r.IsDBNull(18) ? null : Integer(r, 18),
        AroseOn = r.IsDBNull(19) ? null : r.GetDateTime(19), PublishedAt = r.IsDBNull(20) ? null : r.GetDateTime(20), Note = Text(r, 21),
    };

    static long Integer(DbDataReader r, int ordinal) => Convert.ToInt64(r.GetValue(ordinal), CultureInfo.InvariantCulture);

    static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    public const string From = "FROM projects p JOIN regions c ON c.code = p.county_code JOIN documents d ON d.id = p.source_document_id";

    /// <summary>The columns of <see cref="ProjectPlace"/> over <c>project_places pp</c> and <see cref="PlaceJoins"/>.</summary>
    public const string PlaceColumns = """
        pp.project_id, pp.place_as_printed AS printed, pp.region_code AS code, pr.short_name AS name, pu.short_name AS parent_name,
        pr.level, pp.match_kind, pp.note
        """;

    public const string PlaceJoins = "LEFT JOIN regions pr ON pr.code = pp.region_code LEFT JOIN regions pu ON pu.code = pr.parent_code";

    /// <summary>
    /// "Project <paramref name="projectId"/> names a place under region C", over the parameters of
    /// <see cref="RegionCodes.Under"/>: how a township or village finds its projects, and its notices through them.
    /// </summary>
    public static string PlacedUnder(string projectId) =>
        $"EXISTS (SELECT 1 FROM project_places pp WHERE pp.project_id = {projectId} AND {RegionCodes.Under("pp.region_code")})";

    const string ById = $"{Select} {From} WHERE p.id = @id AND {Public.Projects}";

    const string IdByCode = $"SELECT p.id FROM projects p WHERE p.code = @code AND {Public.Projects}";

    const string PlacesOf = $"SELECT {PlaceColumns} FROM project_places pp {PlaceJoins} WHERE pp.project_id IN @ids ORDER BY pp.id";

    public static Task<ProjectRecord?> ByIdAsync(DbConnection connection, long id, DateTime now) =>
        connection.QuerySingleOrDefaultAsync<ProjectRecord>(ById, new { id, now });

    public static Task<long?> IdByCodeAsync(DbConnection connection, string code, DateTime now) =>
        connection.QuerySingleOrDefaultAsync<long?>(IdByCode, new { code, now });

    // The public projects of a county that name each of the given fund documents, summed per document: only projects
    // of the document's own programme (a bond document's bond projects, an allocation document's linkage projects).
    // Read from the documents' side (ix_project_funds_document): a county may list tens of thousands of projects, while
    // those naming one of its allocation documents are the few the document funds. CROSS JOIN keeps SQLite to that order
    // (its planner otherwise starts from the county's projects: 330 ms at 1M projects, against 1 ms); to SQL Server it
    // is the inner join the WHERE clause makes it.
    const string DetailedByDocument = $"""
        SELECT f.document_id AS DocumentId, COUNT(*) AS Projects, SUM(p.amount_yuan) AS AmountYuan
        FROM project_funds f
        CROSS JOIN projects p
        JOIN documents fd ON fd.id = f.document_id
        WHERE p.id = f.project_id AND f.document_id IN @documents AND p.county_code = @code AND {Public.Projects}
          AND p.programme = CASE WHEN fd.kind = 'bond' THEN 'bond' ELSE 'linkage' END
        GROUP BY f.document_id
        """;

    /// <summary>Money a county detailed into listed projects, per fund document of <paramref name="documentIds"/> the projects name.</summary>
    public static async Task<IReadOnlyDictionary<string, DetailedAmount>> DetailedByDocumentAsync(DbConnection connection, string countyCode,
        IReadOnlyCollection<string> documentIds, DateTime now) =>
        documentIds.Count == 0
            ? new Dictionary<string, DetailedAmount>()
            : (await connection.QueryAsync<DetailedAmount>(DetailedByDocument, new { code = countyCode, documents = documentIds, now })).ToDictionary(d => d.DocumentId);

    /// <summary>The places of the given projects, in the order their notices print them.</summary>
    public static async Task<ILookup<long, ProjectPlace>> PlacesAsync(DbConnection connection, IReadOnlyCollection<long> ids) =>
        (await connection.QueryInChunksAsync<ProjectPlace, long>(PlacesOf, "ids", ids)).ToLookup(p => p.ProjectId);

    /// <summary>The rows of a list, with their places filled in.</summary>
    public static async Task<IReadOnlyList<ProjectRecord>> WithPlacesAsync(DbConnection connection, IReadOnlyList<ProjectRecord> rows)
    {
        var places = await PlacesAsync(connection, rows.Select(r => r.Id).ToList());
        foreach (var row in rows)
        {
            row.Places.AddRange(places[row.Id]);
        }

        return rows;
    }
}

/// <summary>How many listed projects name a fund document, and their total in yuan.</summary>
public sealed record DetailedAmount
{
    public required string DocumentId { get; init; }
    public long Projects { get; init; }
    public long AmountYuan { get; init; }
}
