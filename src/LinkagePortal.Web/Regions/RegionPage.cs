using System.Data.Common;
using LinkagePortal.Rendering;
using LinkagePortal.Rendering.Charts;

namespace LinkagePortal.Regions;

/// <summary>
/// One region at any level: where it sits, its child regions with their totals, the allocations it received, the
/// projects located in it, its announcements and whom to call. Records whose publication time is still ahead are
/// left out of every figure.
/// </summary>
public static class RegionPage
{
    /// <summary>Projects per page of a region's full list of a programme.</summary>
    public const int ProjectsShown = 100;

    /// <summary>
    /// Projects shown per programme on the region page itself, with their count and total and a link to the rest: enough
    /// for a county's list of a year or two, while a county listing thousands (乌苏市's 21,000 in the benchmark) keeps a
    /// page a phone loads quickly.
    /// </summary>
    public const int ProjectsOnRegionPage = 50;

    // A county (or a place below, should a document allocate to one) shows its own rows, one per document and task.
    const string AllocationsTo = $"""
        SELECT d.id AS DocumentId, COALESCE(d.number, d.title) AS DocumentName, a.task AS Task, a.part_of_task AS PartOfTask,
               a.amount_yuan AS AmountYuan, 1 AS Counties, CASE WHEN a.derivation = 'printed' THEN 0 ELSE 1 END AS Marked,
               a.derivation, a.note
        FROM allocations a
        JOIN documents d ON d.id = a.document_id
        WHERE a.region_code = @code
          AND {Public.Allocations}
        ORDER BY d.fiscal_year DESC, d.issued_on DESC, d.id, a.row_no
        """;

    // The totals the documents print for this region (a subtotal row, or a county's "all tasks" figure).
    const string PrintedTotals = $"""
        SELECT {AllocationRecords.TotalColumns}
        {AllocationRecords.TotalsFrom}
        WHERE t.region_code = @code AND {Public.AllocationTotals}
        ORDER BY d.fiscal_year DESC, d.id, t.id
        """;

    // Above a county, the allocations come from the sums the importer keeps per region at every level, document and
    // task (Records/RegionTotals.cs): the region's own rows for its table, its children's for their column, however many
    // counties and cells lie below. Documents are joined after grouping.
    const string OwnAllocationSums = $"""
        SELECT t.document_id AS DocumentId, t.task AS Task, t.part_of_task AS PartOfTask, SUM(t.amount_yuan) AS AmountYuan,
               SUM(t.cells) AS Counties, SUM(t.marked) AS Marked, MIN(t.first_row) AS FirstRow
        FROM allocation_sums t
        WHERE t.depth = @depth AND t.region_code = @code AND {Public.Totals}
        GROUP BY t.document_id, t.task, t.part_of_task
        """;

    // The children's column: whole tasks only (the "其中" parts are within them), per document.
    const string ChildAllocationSums = $"""
        SELECT t.region_code AS RegionCode, t.document_id AS DocumentId, SUM(t.amount_yuan) AS AmountYuan
        FROM allocation_sums t
        WHERE t.depth = @length AND t.region_code >= @code AND t.region_code <= @codeLast AND t.part_of_task IS NULL AND {Public.Totals}
        GROUP BY t.region_code, t.document_id
        """;

    const string VisibleDocuments = $"""
        SELECT d.id AS Id, COALESCE(d.number, d.title) AS Name, d.fiscal_year AS FiscalYear, d.issued_on AS IssuedOn
        FROM documents d
        WHERE d.id IN @ids AND {Public.Documents}
        """;

    // Project counts and amounts from the totals the importer keeps per region at every level (Records/RegionTotals.cs):
    // at or above a county by county_code, below it by the projects' places (a project in two villages of one township
    // counts once there). The region's own, and its children's one level down.
    const string ProjectTotals = $"""
        SELECT t.programme AS Programme, SUM(t.projects) AS Projects, SUM(t.amount_yuan) AS AmountYuan
        FROM region_totals t
        WHERE t.region_code = @code AND t.depth = @depth AND {Public.Totals}
        GROUP BY t.programme
        """;

    const string ProjectsByChild = $"""
        SELECT t.region_code AS RegionCode, t.programme AS Programme, SUM(t.projects) AS Projects, SUM(t.amount_yuan) AS AmountYuan
        FROM region_totals t
        WHERE t.depth = @length AND t.region_code >= @code AND t.region_code <= @codeLast AND {Public.Totals}
        GROUP BY t.region_code, t.programme
        """;

    // Which projects are "in" a region: by county for a county (above it, county by county), by place below.
    const string InCounty = "p.county_code = @code";
    const string AtPlaces = "p.id IN (SELECT pp.project_id FROM project_places pp WHERE pp.region_code >= @code AND pp.region_code <= @codeLast)";

    // In county then code order, which ix_projects_county_programme gives; {1} continues after a given project.
    const string ProjectList = $$"""
        {{ProjectRecords.Select}} {{ProjectRecords.From}}
        WHERE {0} AND p.programme = @programme {1} AND {{Public.Projects}}
        ORDER BY p.county_code, p.code
        """;

    const string AfterProject = "AND (p.county_code > @afterCounty OR (p.county_code = @afterCounty AND p.code > @after))";
    const string AfterProjectInCounty = "AND p.code > @after";
    const string CountyOfProject = "SELECT county_code FROM projects WHERE code = @after";

    // Above a county the list is read county by county, each by equality (ix_projects_county_programme gives a county's
    // projects of a programme in code order): over a range of counties the index is ordered by programme within each
    // county, so finding a hundred projects of a rare programme (bond) walked every project of the region. The counties
    // to read are those whose maintained totals hold public projects of the programme, from the one a page continues in.
    const string CountiesWithProgramme = $"""
        SELECT DISTINCT t.region_code FROM region_totals t
        WHERE t.depth = 6 AND t.region_code >= @from AND t.region_code <= @codeLast AND t.programme = @programme AND t.projects > 0 AND {Public.Totals}
        ORDER BY t.region_code
        """;

    const string AnnouncementsInCounties = $"""
        {AnnouncementRecords.Select}
        {AnnouncementRecords.From}
        WHERE a.county_code >= @code AND a.county_code <= @codeLast AND {Public.Announcements}
        ORDER BY a.published_at DESC, a.id
        """;

    const string AnnouncementsOfPlaces = $"""
        {AnnouncementRecords.Select}
        {AnnouncementRecords.From}
        WHERE {Public.Announcements}
          AND a.id IN (SELECT ap.announcement_id FROM announcement_projects ap
                       JOIN projects p ON p.id = ap.project_id
                       JOIN project_places pp ON pp.project_id = p.id
                       WHERE pp.region_code >= @code AND pp.region_code <= @codeLast AND {Public.Projects})
        ORDER BY a.published_at DESC, a.id
        """;

    public sealed record DocumentAmount(string DocumentId, string DocumentName, long AmountYuan);

    public sealed record ChildRow(string Code, string Name, IReadOnlyList<DocumentAmount> Allocations,
        long LinkageProjects, long LinkageYuan, long BondProjects, long BondYuan);

    /// <summary>A document's amount for a task (or part of one), over how many rows, and how many of those derived.</summary>
    public abstract record AllocationFigure
    {
        public required string DocumentId { get; init; }
        public required string Task { get; init; }
        public string? PartOfTask { get; init; }
        public long AmountYuan { get; init; }
        public long Counties { get; init; }
        public long Marked { get; init; }
    }

    public sealed record AllocationRow : AllocationFigure
    {
        public required string DocumentName { get; init; }

        /// <summary>How the figure was obtained; null for a sum of several rows (<see cref="Marked"/> counts the derived ones).</summary>
        public string? Derivation { get; init; }
        public string? Note { get; init; }
        public long? PrintedTotalYuan { get; init; }
        public bool IsPrintedTotalOnly { get; init; }
        public bool HasPrintedTotal => PrintedTotalYuan is not null && !IsPrintedTotalOnly;
        public bool TotalMatches => PrintedTotalYuan == AmountYuan;
        public bool HasMarked => Marked > 0;
        public string? DerivationLabel => Derivation is null ? null : Labels.Derivation(Derivation);
        public bool IsMarked => Derivation is not null and not "printed";
    }

    public sealed record ProjectSection(string Programme, string Label, long Count, long TotalYuan, IReadOnlyList<ProjectRecord> Projects, string? MoreHref)
    {
        /// <summary>A list longer than a phone screen is collapsed behind its count.</summary>
        public bool IsLong => Projects.Count > LongList;
    }

    /// <summary>Lists longer than this are shown collapsed, their count in the summary.</summary>
    public const int LongList = 10;

    /// <summary>
    /// What a county received and has listed: the money reaches counties, not villages, so a township's or village's
    /// page shows its county's (and a county page sums its own). Notices are where the county publishes them.
    /// </summary>
    public sealed record CountyFigures(RegionRecord County, IReadOnlyList<AllocationRow> Allocations, long LinkageProjects, long LinkageYuan,
        IReadOnlyList<AnnouncementRecord> Notices)
    {
        /// <summary>Per document: its rows for whole tasks, or else the totals it prints for the county.</summary>
        public IReadOnlyList<DocumentAmount> ByDocument => Allocations.GroupBy(a => (a.DocumentId, a.DocumentName)).Select(g =>
        {
            var rows = g.Where(a => a.PartOfTask is null && !a.IsPrintedTotalOnly).ToList();
            var printed = g.Where(a => a.IsPrintedTotalOnly).ToList();
            var allTasks = printed.Where(a => a.Task == AllTasks).ToList();
            var counted = rows.Count > 0 ? rows : allTasks.Count > 0 ? allTasks : printed;
            return new DocumentAmount(g.Key.DocumentId, g.Key.DocumentName, counted.Sum(a => a.AmountYuan));
        }).ToList();

        public bool HasMoney => Allocations.Count > 0;
        public bool HasProjectList => LinkageProjects > 0;
        public IReadOnlyList<string> Publishers => Notices.Select(n => n.Publisher).Distinct().ToList();

        /// <summary>The published documents the county's notices were printed in (its budget disclosure, say).</summary>
        public IReadOnlyList<DocumentAmount> NoticeSources => Notices.GroupBy(n => (n.SourceDocumentId, n.SourceDocumentName))
            .Select(g => new DocumentAmount(g.Key.SourceDocumentId, g.Key.SourceDocumentName, 0)).ToList();
    }

    /// <summary>The task label of a county's printed "all tasks" total.</summary>
    const string AllTasks = "全部任务合计";

    public sealed record Model(
        RegionRecord Region,
        string LevelLabel,
        IReadOnlyList<RegionRecord> Breadcrumb,
        string? ChildLevelLabel,
        IReadOnlyList<ChildRow> Children,
        bool ChildrenHaveAllocations,
        bool AllocationsAreOwn,
        IReadOnlyList<AllocationRow> Allocations,
        RegionRecord? County,
        IReadOnlyList<ProjectSection> ProjectSections,
        IReadOnlyList<AnnouncementRecord> Announcements,
        IReadOnlyList<ContactRecord> Contacts,
        IReadOnlyList<ContactRecord> ContactsBelow)
    {
        /// <summary>A prefecture or the region: the page leads with its divisions rather than a long project list.</summary>
        public bool AboveCounty => Region.Code.Length < RegionCodes.CountyLength;

        /// <summary>The timeliness figure (see <see cref="RegionTimeliness"/>): the region's own, for a township or village its county's.</summary>
        public object? Disclosure { get; init; }

        /// <summary>The accountability findings (see <see cref="CountyAccountability"/>) of the county or the village's county; null above or when none.</summary>
        public object? Checks { get; init; }

        /// <summary>
        /// A prefecture: what each county received, per document; a county: what it received per document against what
        /// its listed projects detail. Null elsewhere or when nothing was allocated.
        /// </summary>
        public BarChart? Chart { get; init; }
        /// <summary>The county's money, projects and notices: its own on a county page, its county's below.</summary>
        public CountyFigures? CountyMoney { get; init; }

        /// <summary>A township or village with no linkage-fund project of its own: its county's list, shown nearby.</summary>
        public ProjectSection? CountyLinkage { get; init; }

        public bool IsCounty => Region.Code.Length == RegionCodes.CountyLength;
        public bool BelowCounty => Region.Code.Length > RegionCodes.CountyLength;
        public ProjectSection? Linkage => ProjectSections.FirstOrDefault(s => s.Programme == "linkage");
        public ProjectSection? Bond => ProjectSections.FirstOrDefault(s => s.Programme == "bond");
        public bool AnnouncementsAreLong => Announcements.Count > LongList;
        public bool ContactsBelowAreLong => ContactsBelow.Count > LongList;
    }

    sealed record ProjectTotal
    {
        public required string Programme { get; init; }
        public long Projects { get; init; }
        public long AmountYuan { get; init; }
    }

    /// <summary>The region's figure for a task, with the first table row it comes from (to keep the printed order).</summary>
    sealed record AllocationSum : AllocationFigure
    {
        public long? FirstRow { get; init; }
    }

    sealed record ChildAllocation
    {
        public required string RegionCode { get; init; }
        public required string DocumentId { get; init; }
        public long AmountYuan { get; init; }
    }

    sealed record DocumentRef
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public long? FiscalYear { get; init; }
        public DateTime? IssuedOn { get; init; }
    }

    sealed record ChildProjects
    {
        public required string RegionCode { get; init; }
        public required string Programme { get; init; }
        public long Projects { get; init; }
        public long AmountYuan { get; init; }
    }

    /// <summary>The page's model, or null for a code that is not a region.</summary>
    public static async Task<Model?> LoadAsync(Db db, string code, DateTime now)
    {
        await using var connection = await db.OpenAsync();
        var region = await RegionRecords.FindAsync(connection, code);
        if (region is null)
        {
            return null;
        }

        var codeLast = RegionCodes.Last(code);
        var countyOrAbove = code.Length <= RegionCodes.CountyLength;
        var breadcrumb = await RegionRecords.AncestorsAsync(connection, code);
        var children = await RegionRecords.ChildrenAsync(connection, code);
        var figures = code.Length < RegionCodes.CountyLength
            ? await FiguresAboveCountyAsync(connection, code, now)
            : await FiguresAtOrBelowCountyAsync(connection, code, children.Count > 0, now);
        var allocations = await WithPrintedTotalsAsync(connection, code, now, figures.Allocations);
        var childRows = children.Select(child =>
        {
            var linkage = figures.ChildProjects.GetValueOrDefault((child.Code, "linkage"));
            var bond = figures.ChildProjects.GetValueOrDefault((child.Code, "bond"));
            return new ChildRow(child.Code, child.ShortName, figures.ChildAllocations[child.Code].ToList(),
                linkage?.Projects ?? 0, linkage?.AmountYuan ?? 0, bond?.Projects ?? 0, bond?.AmountYuan ?? 0);
        }).ToList();

        var sections = new List<ProjectSection>();
        foreach (var programme in Vocabulary.Programmes.Values.Where(figures.ProjectTotals.ContainsKey))
        {
            var list = await ProjectListAsync(db, connection, code, now, programme, "", ProjectsOnRegionPage);
            var total = figures.ProjectTotals[programme];
            sections.Add(new ProjectSection(programme, Labels.Programme(programme), total.Projects, total.AmountYuan, list,
                total.Projects > list.Count ? $"/regions/{code}/projects?programme={programme}&after={Uri.EscapeDataString(list[^1].Code)}" : null));
        }

        var announcements = (await connection.QueryAsync<AnnouncementRecord>(
            (countyOrAbove ? AnnouncementsInCounties : AnnouncementsOfPlaces) + db.Dialect.Limit("@take"), new { code, codeLast, now, take = 20 })).ToList();
        var contacts = await ContactRecords.ForAsync(connection, code, now);
        var contactsBelow = code.Length < RegionCodes.CountyLength ? await ContactRecords.UnderAsync(connection, code, now) : [];
        var county = countyOrAbove ? null : breadcrumb.FirstOrDefault(r => r.Code == RegionCodes.County(code));
        var countyMoney = code.Length == RegionCodes.CountyLength
            ? await CountyFiguresAsync(db, connection, region, allocations, figures.ProjectTotals, now)
            : county is null ? null : await CountyFiguresAsync(db, connection, county, now);

        var countyLinkage = county is not null && countyMoney is { HasProjectList: true } && !figures.ProjectTotals.ContainsKey("linkage")
            ? await CountyLinkageAsync(db, connection, countyMoney, now)
            : null;

        return new Model(region, Labels.Level(region.Level), breadcrumb, children.Count > 0 ? Labels.Level(children[0].Level) : null, childRows,
            childRows.Any(c => c.Allocations.Count > 0), code.Length >= RegionCodes.CountyLength, allocations, county, sections, announcements,
            contacts, contactsBelow)
        {
            CountyMoney = countyMoney,
            CountyLinkage = countyLinkage,
            Chart = region.Level switch
            {
                "prefecture" => CountiesChart(region, childRows),
                "county" => await ReceivedAndDetailedChartAsync(connection, region, allocations, now),
                _ => null,
            },
        };
    }

    /// <summary>Each county's allocations, one bar per document (the "其中" parts left out, as in the children's table).</summary>
    static BarChart? CountiesChart(RegionRecord prefecture, IReadOnlyList<ChildRow> children)
    {
        var documents = children.SelectMany(c => c.Allocations).Select(a => (a.DocumentId, a.DocumentName)).Distinct().ToList();
        var counties = children.Where(c => c.Allocations.Count > 0).ToList();
        if (counties.Count == 0)
        {
            return null;
        }

        return BarChart.Build("chart-counties", $"{prefecture.ShortName}各县（市、区）分配到的资金",
            $"{counties.Count}个县（市、区），按文件：" + string.Join("；", documents.Select(d =>
                $"{d.DocumentName}共 {Money.FormatWan(counties.Sum(c => c.Allocations.Where(a => a.DocumentId == d.DocumentId).Sum(a => a.AmountYuan)))} 万元")) + "。",
            "县（市、区）", documents.Select(d => d.DocumentName).ToList(),
            counties.Select(c => new BarChart.Input(c.Name, "/regions/" + c.Code,
                documents.Select(d => c.Allocations.FirstOrDefault(a => a.DocumentId == d.DocumentId)?.AmountYuan).ToList())).ToList());
    }

    /// <summary>Per allocation document: what the county received, against what the listed projects that name the document detail.</summary>
    static async Task<BarChart?> ReceivedAndDetailedChartAsync(DbConnection connection, RegionRecord county, IReadOnlyList<AllocationRow> allocations, DateTime now)
    {
        var received = allocations.Where(a => a.PartOfTask is null && !a.IsPrintedTotalOnly)
            .GroupBy(a => (a.DocumentId, a.DocumentName)).Select(g => (g.Key.DocumentId, g.Key.DocumentName, AmountYuan: g.Sum(a => a.AmountYuan))).ToList();
        if (received.Count == 0)
        {
            return null;
        }

        var detailed = await ProjectRecords.DetailedByDocumentAsync(connection, county.Code, received.Select(r => r.DocumentId).ToList(), now);

        return BarChart.Build("chart-received", $"{county.ShortName}收到的资金与细化到所列项目的资金",
            string.Join("；", received.Select(r => $"{r.DocumentName}：收到 {Money.FormatWan(r.AmountYuan)} 万元，注明这份文件的项目 "
                + $"{detailed.GetValueOrDefault(r.DocumentId)?.Projects ?? 0} 个、合计 {Money.FormatWan(detailed.GetValueOrDefault(r.DocumentId)?.AmountYuan ?? 0)} 万元")) + "。",
            "文件", ["收到的资金", "细化到所列项目"],
            received.Select(r => new BarChart.Input(r.DocumentName, "/documents/" + r.DocumentId,
                [r.AmountYuan, detailed.GetValueOrDefault(r.DocumentId)?.AmountYuan ?? 0])).ToList());
    }

    static async Task<ProjectSection> CountyLinkageAsync(Db db, DbConnection connection, CountyFigures county, DateTime now)
    {
        var code = county.County.Code;
        var list = await ProjectListAsync(db, connection, code, now, "linkage", "", ProjectsOnRegionPage);
        return new ProjectSection("linkage", Labels.Programme("linkage"), county.LinkageProjects, county.LinkageYuan, list,
            county.LinkageProjects > list.Count ? $"/regions/{code}/projects?programme=linkage&after={Uri.EscapeDataString(list[^1].Code)}" : null);
    }

    /// <summary>The county of a township or village: its allocations, project counts and notices, read as its own page reads them.</summary>
    static async Task<CountyFigures> CountyFiguresAsync(Db db, DbConnection connection, RegionRecord county, DateTime now)
    {
        var figures = await FiguresAtOrBelowCountyAsync(connection, county.Code, false, now);
        return await CountyFiguresAsync(db, connection, county, await WithPrintedTotalsAsync(connection, county.Code, now, figures.Allocations),
            figures.ProjectTotals, now);
    }

    static async Task<CountyFigures> CountyFiguresAsync(Db db, DbConnection connection, RegionRecord county, IReadOnlyList<AllocationRow> allocations,
        IReadOnlyDictionary<string, ProjectTotal> totals, DateTime now)
    {
        var notices = (await connection.QueryAsync<AnnouncementRecord>(AnnouncementsInCounties + db.Dialect.Limit("@take"),
            new { code = county.Code, codeLast = RegionCodes.Last(county.Code), now, take = CountyNotices })).ToList();
        var linkage = totals.GetValueOrDefault("linkage");
        return new CountyFigures(county, allocations, linkage?.Projects ?? 0, linkage?.AmountYuan ?? 0, notices);
    }

    /// <summary>Enough of a county's notices to name who publishes them and where.</summary>
    const int CountyNotices = 200;

    static string ProjectFilter(string code) => code.Length == RegionCodes.CountyLength ? InCounty : AtPlaces;

    /// <summary>
    /// One page (<paramref name="take"/> rows) of a region's projects of a programme, in county and code order,
    /// continuing after the project coded <paramref name="after"/> when one is given.
    /// </summary>
    public static async Task<IReadOnlyList<ProjectRecord>> ProjectListAsync(Db db, DbConnection connection, string code, DateTime now, string programme, string after,
        int take = ProjectsShown)
    {
        var afterCounty = after.Length == 0 ? null : await connection.QuerySingleOrDefaultAsync<string>(CountyOfProject, new { after });
        var codeLast = RegionCodes.Last(code);
        if (code.Length >= RegionCodes.CountyLength)
        {
            var sql = string.Format(ProjectList, ProjectFilter(code), afterCounty is null ? "" : AfterProject) + db.Dialect.Limit("@take");
            var rows = (await connection.QueryAsync<ProjectRecord>(sql,
                new { code, codeLast, now, programme, after, afterCounty, take })).ToList();
            return await ProjectRecords.WithPlacesAsync(connection, rows);
        }

        var from = afterCounty is not null && string.CompareOrdinal(afterCounty, code) > 0 ? afterCounty : code;
        var counties = await connection.QueryAsync<string>(CountiesWithProgramme, new { from, codeLast, programme, now });
        var list = new List<ProjectRecord>();
        foreach (var county in counties.TakeWhile(_ => list.Count < take))
        {
            var continuing = county == afterCounty;
            var sql = string.Format(ProjectList, InCounty, continuing ? AfterProjectInCounty : "") + db.Dialect.Limit("@take");
            list.AddRange(await connection.QueryAsync<ProjectRecord>(sql,
                new { code = county, now, programme, after, take = take - list.Count }));
        }

        return await ProjectRecords.WithPlacesAsync(connection, list);
    }

    /// <summary>What a page sums: the region's allocations and project totals, and each child region's.</summary>
    sealed record Figures(
        IReadOnlyList<AllocationRow> Allocations,
        ILookup<string, DocumentAmount> ChildAllocations,
        IReadOnlyDictionary<string, ProjectTotal> ProjectTotals,
        IReadOnlyDictionary<(string Child, string Programme), ChildProjects> ChildProjects);

    /// <summary>A prefecture or the region: its allocations and its children's, and its project totals.</summary>
    static async Task<Figures> FiguresAboveCountyAsync(DbConnection connection, string code, DateTime now)
    {
        var args = new { code, codeLast = RegionCodes.Last(code), now, length = RegionCodes.ChildLength(code), depth = code.Length };
        var sums = (await connection.QueryAsync<AllocationSum>(OwnAllocationSums, args)).ToList();
        var documents = sums.Count == 0
            ? []
            : (await connection.QueryAsync<DocumentRef>(VisibleDocuments, new { ids = sums.Select(s => s.DocumentId).Distinct().ToArray(), now }))
                .ToDictionary(d => d.Id);

        // Newest document first, then in the order of its tables' rows (tasks printed in one row by name).
        var documentOrder = documents.Values.OrderByDescending(d => d.FiscalYear).ThenByDescending(d => d.IssuedOn)
            .ThenBy(d => d.Id, StringComparer.Ordinal).Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var allocations = sums.Where(s => documents.ContainsKey(s.DocumentId))
            .OrderBy(s => documentOrder[s.DocumentId]).ThenBy(s => s.FirstRow)
            .ThenBy(s => s.Task, StringComparer.Ordinal).ThenBy(s => s.PartOfTask, StringComparer.Ordinal)
            .Select(s => new AllocationRow
            {
                DocumentId = s.DocumentId,
                DocumentName = documents[s.DocumentId].Name,
                Task = s.Task,
                PartOfTask = s.PartOfTask,
                AmountYuan = s.AmountYuan,
                Counties = s.Counties,
                Marked = s.Marked,
            }).ToList();
        var childAllocations = (await connection.QueryAsync<ChildAllocation>(ChildAllocationSums, args))
            .Where(c => documents.ContainsKey(c.DocumentId))
            .OrderBy(c => documentOrder[c.DocumentId])
            .ToLookup(c => c.RegionCode, c => new DocumentAmount(c.DocumentId, documents[c.DocumentId].Name, c.AmountYuan));

        var (totals, children) = await ProjectFiguresAsync(connection, args, hasChildren: true);
        return new Figures(allocations, childAllocations, totals, children);
    }

    /// <summary>A county, township or village: its own allocations, its projects, and its children's projects by place.</summary>
    static async Task<Figures> FiguresAtOrBelowCountyAsync(DbConnection connection, string code, bool hasChildren, DateTime now)
    {
        var args = new { code, codeLast = RegionCodes.Last(code), now, length = RegionCodes.ChildLength(code), depth = code.Length };
        var allocations = (await connection.QueryAsync<AllocationRow>(AllocationsTo, args)).ToList();
        var (totals, children) = await ProjectFiguresAsync(connection, args, hasChildren);
        return new Figures(allocations, Enumerable.Empty<(string, DocumentAmount)>().ToLookup(x => x.Item1, x => x.Item2), totals, children);
    }

    /// <summary>The region's project totals per programme, and its children's, from the maintained totals.</summary>
    static async Task<(Dictionary<string, ProjectTotal> Totals, Dictionary<(string, string), ChildProjects> Children)> ProjectFiguresAsync(
        DbConnection connection, object args, bool hasChildren)
    {
        var totals = (await connection.QueryAsync<ProjectTotal>(ProjectTotals, args)).ToDictionary(t => t.Programme);
        var children = hasChildren
            ? (await connection.QueryAsync<ChildProjects>(ProjectsByChild, args)).ToDictionary(p => (p.RegionCode, p.Programme))
            : [];
        return (totals, children);
    }

    /// <summary>Sets beside each row the total the document prints for this region, and adds the printed totals no row sums to.</summary>
    static async Task<IReadOnlyList<AllocationRow>> WithPrintedTotalsAsync(DbConnection connection, string code, DateTime now, IReadOnlyList<AllocationRow> rows)
    {
        var printed = (await connection.QueryAsync<AllocationRecord>(PrintedTotals, new { code, now })).ToList();
        var used = new HashSet<AllocationRecord>();
        var result = new List<AllocationRow>();
        foreach (var row in rows)
        {
            var total = printed.FirstOrDefault(t => t.DocumentId == row.DocumentId && t.Task == row.Task);
            if (total is not null)
            {
                used.Add(total);
            }

            result.Add(row with { PrintedTotalYuan = total?.AmountYuan });
        }

        // Totals with no rows behind them here: a county's "all tasks" figure, or a subtotal of a task whose county
        // cells are not in the data.
        result.AddRange(printed.Where(t => !used.Contains(t)).Select(t => new AllocationRow
        {
            DocumentId = t.DocumentId,
            DocumentName = t.DocumentName,
            Task = t.Task.Length == 0 ? AllTasks : t.Task,
            AmountYuan = t.AmountYuan,
            Derivation = t.Derivation,
            Note = t.Note,
            PrintedTotalYuan = t.AmountYuan,
            IsPrintedTotalOnly = true,
        }));
        return result.OrderBy(r => result.FindIndex(x => x.DocumentId == r.DocumentId)).ToList();
    }
}
