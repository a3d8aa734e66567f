using System.Data.Common;

namespace LinkagePortal.Records;

/// <summary>
/// Totals kept at write time (tables of migration 0040): projects and their amounts per region at every level ×
/// programme × fiscal year, and allocation cells per county, prefecture and region × document × task (0100), in whole yuan. The importer rewrites
/// the totals of the counties it touched in its own transaction (<see cref="Refresh"/>), so that a region page reads
/// a few rows instead of summing every project and cell below it. The embargo stays exact: rows are kept apart by the
/// time they become public (<c>visible_from</c>, the later of the row's and its document's publication times) and
/// read with <see cref="Public.Totals"/>, so a boundary passing folds its rows in without any recomputation, whatever the
/// clock said when they were written.
/// </summary>
public static class RegionTotals
{
    /// <summary>Depth (code length) of county rows: the rows every level above is summed from.</summary>
    const int CountyDepth = RegionCodes.CountyLength;

    // The time a row becomes public: its own publication time or its document's, whichever is later (NULL: both unstated).
    const string ProjectVisibleFrom = "CASE WHEN p.published_at IS NULL THEN d.published_at WHEN d.published_at > p.published_at THEN d.published_at ELSE p.published_at END";
    const string AllocationVisibleFrom = "CASE WHEN a.published_at IS NULL THEN d.published_at WHEN d.published_at > a.published_at THEN d.published_at ELSE a.published_at END";

    const string DeleteCountyRows = "DELETE FROM region_totals WHERE depth >= 6 AND region_code >= @from AND region_code <= @to";
    const string DeleteAllocationSums = "DELETE FROM allocation_sums WHERE depth = @length AND region_code >= @from AND region_code <= @to";
    const string DeleteAncestorRows = "DELETE FROM region_totals WHERE depth = @length AND region_code >= @from AND region_code <= @to";

    // Counties: the projects by county_code.
    const string InsertCountyRows = $"""
        INSERT INTO region_totals (region_code, depth, programme, fiscal_year, visible_from, projects, amount_yuan)
        SELECT x.region_code, 6, x.programme, x.fiscal_year, x.visible_from, COUNT(*), SUM(x.amount_yuan)
        FROM (SELECT p.county_code AS region_code, p.programme, p.fiscal_year, p.amount_yuan, {ProjectVisibleFrom} AS visible_from
              FROM projects p JOIN documents d ON d.id = p.source_document_id
              WHERE p.county_code >= @from AND p.county_code <= @to AND p.withdrawn_at IS NULL) x
        GROUP BY x.region_code, x.programme, x.fiscal_year, x.visible_from
        """;

    // Townships: the projects with a place there (at the township or one of its villages), each once.
    const string InsertTownshipRows = $"""
        INSERT INTO region_totals (region_code, depth, programme, fiscal_year, visible_from, projects, amount_yuan)
        SELECT x.region_code, 9, x.programme, x.fiscal_year, x.visible_from, COUNT(*), SUM(x.amount_yuan)
        FROM (SELECT DISTINCT SUBSTRING(pp.region_code, 1, 9) AS region_code, p.id, p.programme, p.fiscal_year, p.amount_yuan,
                     {ProjectVisibleFrom} AS visible_from
              FROM project_places pp
              JOIN projects p ON p.id = pp.project_id
              JOIN documents d ON d.id = p.source_document_id
              WHERE pp.region_code > @from AND pp.region_code <= @to AND p.withdrawn_at IS NULL) x
        GROUP BY x.region_code, x.programme, x.fiscal_year, x.visible_from
        """;

    // Villages: the projects with a place there, each once.
    const string InsertVillageRows = $"""
        INSERT INTO region_totals (region_code, depth, programme, fiscal_year, visible_from, projects, amount_yuan)
        SELECT x.region_code, 12, x.programme, x.fiscal_year, x.visible_from, COUNT(*), SUM(x.amount_yuan)
        FROM (SELECT DISTINCT pp.region_code, p.id, p.programme, p.fiscal_year, p.amount_yuan, {ProjectVisibleFrom} AS visible_from
              FROM project_places pp
              JOIN regions r ON r.code = pp.region_code AND r.level = 'village'
              JOIN projects p ON p.id = pp.project_id
              JOIN documents d ON d.id = p.source_document_id
              WHERE pp.region_code > @from AND pp.region_code <= @to AND p.withdrawn_at IS NULL) x
        GROUP BY x.region_code, x.programme, x.fiscal_year, x.visible_from
        """;

    // Prefectures and the region: the sum of their counties' rows.
    const string InsertAncestorRows = """
        INSERT INTO region_totals (region_code, depth, programme, fiscal_year, visible_from, projects, amount_yuan)
        SELECT z.region_code, @length, z.programme, z.fiscal_year, z.visible_from, SUM(z.projects), SUM(z.amount_yuan)
        FROM (SELECT SUBSTRING(t.region_code, 1, @length) AS region_code, t.programme, t.fiscal_year, t.visible_from, t.projects, t.amount_yuan
              FROM region_totals t
              WHERE t.depth = 6 AND t.region_code >= @from AND t.region_code <= @to) z
        GROUP BY z.region_code, z.programme, z.fiscal_year, z.visible_from
        """;

    // Allocation cells per county (a cell at a township or village counts in its county; one at a prefecture's or the
    // region's own code under that code), document, task and part of task.
    const string InsertAllocationSums = $"""
        INSERT INTO allocation_sums (region_code, depth, document_id, task, part_of_task, visible_from, amount_yuan, cells, marked, first_row)
        SELECT y.region_code, 6, y.document_id, y.task, y.part_of_task, y.visible_from, SUM(y.amount_yuan), COUNT(*), SUM(y.marked), MIN(y.row_no)
        FROM (SELECT SUBSTRING(a.region_code, 1, 6) AS region_code, a.document_id, a.task, a.part_of_task, a.amount_yuan, a.row_no,
                     CASE WHEN a.derivation = 'printed' THEN 0 ELSE 1 END AS marked, {AllocationVisibleFrom} AS visible_from
              FROM allocations a JOIN documents d ON d.id = a.document_id
              WHERE a.region_code >= @from AND a.region_code <= @to AND a.withdrawn_at IS NULL) y
        GROUP BY y.region_code, y.document_id, y.task, y.part_of_task, y.visible_from
        """;

    // Prefectures and the region: the sum of the rows kept at depth 6 under them. The region's own code is shorter than a
    // prefecture's: its cells count in the region's row only (SUBSTRING past a code's end is '' in both engines).
    const string InsertAllocationAncestors = """
        INSERT INTO allocation_sums (region_code, depth, document_id, task, part_of_task, visible_from, amount_yuan, cells, marked, first_row)
        SELECT z.region_code, @length, z.document_id, z.task, z.part_of_task, z.visible_from, SUM(z.amount_yuan), SUM(z.cells), SUM(z.marked), MIN(z.first_row)
        FROM (SELECT SUBSTRING(t.region_code, 1, @length) AS region_code, t.document_id, t.task, t.part_of_task, t.visible_from,
                     t.amount_yuan, t.cells, t.marked, t.first_row
              FROM allocation_sums t
              WHERE t.depth = 6 AND t.region_code >= @from AND t.region_code <= @to AND SUBSTRING(t.region_code, @length, 1) <> '') z
        GROUP BY z.region_code, z.document_id, z.task, z.part_of_task, z.visible_from
        """;

    /// <summary>The counties of a project (<c>@code</c>) and of its places, as stored now: what a change to it touches.</summary>
    public const string CountiesOfProject = """
        SELECT p.county_code FROM projects p WHERE p.code = @code
        UNION SELECT SUBSTRING(pp.region_code, 1, 6) FROM project_places pp JOIN projects p ON p.id = pp.project_id
        WHERE p.code = @code AND pp.region_code IS NOT NULL
        """;

    const string CountiesOfProjects = """
        SELECT p.county_code FROM projects p WHERE p.id IN @ids
        UNION SELECT SUBSTRING(pp.region_code, 1, 6) FROM project_places pp WHERE pp.project_id IN @ids AND pp.region_code IS NOT NULL
        """;

    const string RegionsOfDocuments = """
        SELECT p.county_code FROM projects p WHERE p.source_document_id IN @ids
        UNION SELECT SUBSTRING(pp.region_code, 1, 6) FROM project_places pp JOIN projects p ON p.id = pp.project_id
        WHERE p.source_document_id IN @ids AND pp.region_code IS NOT NULL
        UNION SELECT SUBSTRING(a.region_code, 1, 6) FROM allocations a WHERE a.document_id IN @ids
        """;

    /// <summary>The public projects, optionally of one programme and year, in the region <c>@region</c> (any level): what
    /// <c>COUNT(*)</c> over the projects with the same filter gives, from a few rows.</summary>
    const string ProjectCount = $"""
        SELECT COALESCE(SUM(t.projects), 0) FROM region_totals t
        WHERE t.region_code = @region AND t.depth = @depth AND {Public.Totals}
        """;

    /// <summary>The public projects everywhere (the catalog's count): the sum of the top-level regions' rows.</summary>
    public const string AllProjectsCount = $"SELECT COALESCE(SUM(t.projects), 0) FROM region_totals t WHERE t.depth = 2 AND {Public.Totals}";

    /// <summary>The public allocation cells everywhere (the catalog's count): the sum of the top-level regions' rows.</summary>
    public const string AllAllocationsCount = $"SELECT COALESCE(SUM(t.cells), 0) FROM allocation_sums t WHERE t.depth = 2 AND {Public.Totals}";

    /// <summary>The public projects per programme everywhere, with their amounts (the home page's figures).</summary>
    public const string ProjectsByProgramme = $"""
        SELECT t.programme AS Programme, SUM(t.projects) AS Projects, SUM(t.amount_yuan) AS AmountYuan
        FROM region_totals t WHERE t.depth = 2 AND {Public.Totals}
        GROUP BY t.programme
        """;

    /// <summary>
    /// The number of public projects at <paramref name="now"/> in <paramref name="region"/> (null: everywhere), of one
    /// programme and fiscal year when given, as the project lists count them (by county at or above a county, by place below).
    /// </summary>
    public static async Task<long> CountProjectsAsync(DbConnection connection, string? region, string? programme, long? year, DateTime now)
    {
        var sql = region is null ? AllProjectsCount : ProjectCount;
        sql += (programme is null ? "" : " AND t.programme = @programme") + (year is null ? "" : " AND t.fiscal_year = @year");
        return await connection.ExecuteScalarAsync<long>(sql, new { region, depth = region?.Length, programme, year, now });
    }

    /// <summary>
    /// What an import changed that totals depend on, noted by the datasets as they write: regions (a county, or the
    /// region's or a prefecture's own code), documents (their publication time decides their rows'), and the counties
    /// projects were in before they were rewritten.
    /// </summary>
    public sealed class Changes
    {
        internal HashSet<string> Regions { get; } = new(StringComparer.Ordinal);
        internal HashSet<string> Documents { get; } = new(StringComparer.Ordinal);

        /// <summary>A row at <paramref name="regionCode"/> (any level) was written.</summary>
        public void Region(string regionCode) => Regions.Add(Key(regionCode));

        public void Document(string documentId) => Documents.Add(documentId);

        /// <summary>The project coded <paramref name="code"/> is about to be rewritten: its stored county and places count as touched.</summary>
        public void BeforeProject(DbConnection connection, DbTransaction transaction, string code) =>
            Regions.UnionWith(connection.Query<string>(CountiesOfProject, new { code }, transaction));
    }

    /// <summary>
    /// Rewrites the totals of every county the import touched (<paramref name="changes"/>, and the current counties and
    /// places of <paramref name="projectsWritten"/>), then the prefectures' and the region's above them (and those of a
    /// prefecture or the region whose own code had a cell written).
    /// </summary>
    public static void Refresh(DbConnection connection, DbTransaction transaction, Changes changes, IEnumerable<long> projectsWritten)
    {
        var keys = new HashSet<string>(changes.Regions, StringComparer.Ordinal);
        foreach (var ids in projectsWritten.Distinct().Chunk(IdLists.ChunkSize))
        {
            keys.UnionWith(connection.Query<string>(CountiesOfProjects, new { ids }, transaction).Select(Key));
        }

        foreach (var ids in changes.Documents.Chunk(IdLists.ChunkSize))
        {
            keys.UnionWith(connection.Query<string>(RegionsOfDocuments, new { ids }, transaction).Select(Key));
        }

        foreach (var key in keys)
        {
            Write(connection, transaction, key, key.Length == CountyDepth ? RegionCodes.Last(key) : key);
        }

        foreach (var ancestor in keys.SelectMany(k => RegionCodes.Ancestors(k).Append(k)).Where(a => a.Length < CountyDepth).Distinct()
                     .OrderByDescending(a => a.Length))
        {
            WriteAncestors(connection, transaction, ancestor.Length, ancestor, RegionCodes.Last(ancestor));
        }
    }

    /// <summary>Writes every total anew from the stored rows (after the migration that adds them, and after a synthetic load).</summary>
    public static void Rebuild(DbConnection connection, DbTransaction transaction)
    {
        var (from, to) = ("", RegionCodes.Last(""));
        Write(connection, transaction, from, to);
        foreach (var length in new[] { 4, 2 })
        {
            WriteAncestors(connection, transaction, length, from, to);
        }
    }

    static void Write(DbConnection connection, DbTransaction transaction, string from, string to)
    {
        var range = new { from, to };
        connection.Execute(DeleteCountyRows, range, transaction);
        connection.Execute(InsertCountyRows, range, transaction);
        connection.Execute(InsertTownshipRows, range, transaction);
        connection.Execute(InsertVillageRows, range, transaction);
        connection.Execute(DeleteAllocationSums, new { length = CountyDepth, from, to }, transaction);
        connection.Execute(InsertAllocationSums, range, transaction);
    }

    static void WriteAncestors(DbConnection connection, DbTransaction transaction, int length, string from, string to)
    {
        var range = new { length, from, to };
        connection.Execute(DeleteAncestorRows, range, transaction);
        connection.Execute(InsertAncestorRows, range, transaction);
        connection.Execute(DeleteAllocationSums, range, transaction);
        connection.Execute(InsertAllocationAncestors, range, transaction);
    }

    /// <summary>The totals row a region's rows are kept under: its county, or its own code above county level.</summary>
    static string Key(string regionCode) => regionCode.Length > CountyDepth ? regionCode[..CountyDepth] : regionCode;
}
