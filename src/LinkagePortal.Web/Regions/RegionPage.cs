using System.Data.Common;
using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Rendering;

namespace LinkagePortal.Regions;

/// <summary>
/// One region at any level: where it sits, its child regions with their totals, the allocations it received, the
/// projects located in it, its announcements and whom to call. Records whose publication time is still ahead are
/// left out of every figure.
/// </summary>
public static class RegionPage
{
    /// <summary>Projects shown per programme on the region page (and per page of the full list).</summary>
    public const int ProjectsShown = 100;

    const string RegionByCode = """
        SELECT code AS Code, name AS Name, short_name AS ShortName, level AS Level FROM regions WHERE code = @code
        """;

    const string RegionsByCodes = """
        SELECT code AS Code, name AS Name, short_name AS ShortName, level AS Level FROM regions WHERE code IN @codes ORDER BY code
        """;

    const string ChildRegions = """
        SELECT code AS Code, name AS Name, short_name AS ShortName, level AS Level FROM regions WHERE parent_code = @code ORDER BY code
        """;

    // Allocations are made to counties; a prefecture or the region sums its counties, one row per document and task.
    const string AllocationsUnder = """
        SELECT d.id AS DocumentId, COALESCE(d.number, d.title) AS DocumentName, a.task AS Task, a.part_of_task AS PartOfTask,
               SUM(a.amount_yuan) AS AmountYuan, COUNT(*) AS Counties,
               SUM(CASE WHEN a.derivation = 'printed' THEN 0 ELSE 1 END) AS Marked, MAX(a.derivation) AS Derivation, MAX(a.note) AS Note
        FROM allocations a
        JOIN documents d ON d.id = a.document_id
        WHERE a.region_code >= @code AND a.region_code < @upper
          AND (a.published_at IS NULL OR a.published_at <= @now) AND (d.published_at IS NULL OR d.published_at <= @now)
        GROUP BY d.id, d.number, d.title, d.fiscal_year, d.issued_on, a.task, a.part_of_task
        ORDER BY d.fiscal_year DESC, d.issued_on DESC, d.id, MIN(a.row_no)
        """;

    // The totals the documents print for this region (a subtotal row, or a county's "all tasks" figure).
    const string PrintedTotals = """
        SELECT t.document_id AS DocumentId, COALESCE(d.number, d.title) AS DocumentName, t.task AS Task, t.amount_yuan AS AmountYuan,
               t.derivation AS Derivation, t.note AS Note
        FROM allocation_totals t
        JOIN documents d ON d.id = t.document_id
        WHERE t.region_code = @code AND (d.published_at IS NULL OR d.published_at <= @now)
        ORDER BY d.fiscal_year DESC, d.id, t.id
        """;

    const string AllocationsByCounty = """
        SELECT a.region_code AS RegionCode, d.id AS DocumentId, COALESCE(d.number, d.title) AS DocumentName, SUM(a.amount_yuan) AS AmountYuan
        FROM allocations a
        JOIN documents d ON d.id = a.document_id
        WHERE a.region_code >= @code AND a.region_code < @upper AND a.part_of_task IS NULL
          AND (a.published_at IS NULL OR a.published_at <= @now) AND (d.published_at IS NULL OR d.published_at <= @now)
        GROUP BY a.region_code, d.id, d.number, d.title, d.fiscal_year
        ORDER BY d.fiscal_year DESC, d.id
        """;

    const string ProjectTotalsByCounty = """
        SELECT p.county_code AS RegionCode, p.programme AS Programme, COUNT(*) AS Projects, SUM(p.amount_yuan) AS AmountYuan
        FROM projects p
        WHERE p.county_code >= @code AND p.county_code < @upper AND (p.published_at IS NULL OR p.published_at <= @now)
        GROUP BY p.county_code, p.programme
        """;

    // Below a county, projects are where their places are; a project in two villages of one township counts once there.
    const string ProjectPlacesBelow = """
        SELECT DISTINCT pp.region_code AS RegionCode, p.id AS ProjectId, p.programme AS Programme, p.amount_yuan AS AmountYuan
        FROM project_places pp
        JOIN projects p ON p.id = pp.project_id
        WHERE pp.region_code > @code AND pp.region_code < @upper AND (p.published_at IS NULL OR p.published_at <= @now)
        """;

    // Which projects are "in" a region: by county for a county or above, by place below.
    const string InCounties = "p.county_code >= @code AND p.county_code < @upper";
    const string AtPlaces = "p.id IN (SELECT pp.project_id FROM project_places pp WHERE pp.region_code >= @code AND pp.region_code < @upper)";

    const string ProjectTotals = """
        SELECT p.programme AS Programme, COUNT(*) AS Projects, SUM(p.amount_yuan) AS AmountYuan
        FROM projects p
        WHERE {0} AND (p.published_at IS NULL OR p.published_at <= @now)
        GROUP BY p.programme
        """;

    const string ProjectList = """
        SELECT p.id AS Id, p.code AS Code, p.name AS Name, p.fiscal_year AS FiscalYear, p.amount_yuan AS AmountYuan,
               p.derivation AS Derivation, p.responsible_unit AS ResponsibleUnit
        FROM projects p
        WHERE {0} AND p.programme = @programme AND p.code > @after AND (p.published_at IS NULL OR p.published_at <= @now)
        ORDER BY p.code
        """;

    const string PlacesOfProjects = """
        SELECT pp.project_id AS ProjectId, pp.place_as_printed AS Printed, pp.region_code AS Code, r.short_name AS Name
        FROM project_places pp
        LEFT JOIN regions r ON r.code = pp.region_code
        WHERE pp.project_id IN @ids
        ORDER BY pp.id
        """;

    const string AnnouncementsInCounties = """
        SELECT a.id AS Id, a.title AS Title, a.published_at AS PublishedAt
        FROM announcements a
        WHERE a.county_code >= @code AND a.county_code < @upper AND (a.published_at IS NULL OR a.published_at <= @now)
        ORDER BY a.published_at DESC, a.id
        """;

    const string AnnouncementsOfPlaces = """
        SELECT a.id AS Id, a.title AS Title, a.published_at AS PublishedAt
        FROM announcements a
        WHERE (a.published_at IS NULL OR a.published_at <= @now)
          AND a.id IN (SELECT ap.announcement_id FROM announcement_projects ap
                       JOIN projects p ON p.id = ap.project_id
                       JOIN project_places pp ON pp.project_id = p.id
                       WHERE pp.region_code >= @code AND pp.region_code < @upper AND (p.published_at IS NULL OR p.published_at <= @now))
        ORDER BY a.published_at DESC, a.id
        """;

    public sealed record Region
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string ShortName { get; init; }
        public required string Level { get; init; }
    }

    public sealed record DocumentAmount(string DocumentId, string DocumentName, long AmountYuan);

    public sealed record ChildRow(string Code, string Name, IReadOnlyList<DocumentAmount> Allocations,
        long LinkageProjects, long LinkageYuan, long BondProjects, long BondYuan);

    public sealed record AllocationRow
    {
        public required string DocumentId { get; init; }
        public required string DocumentName { get; init; }
        public required string Task { get; init; }
        public string? PartOfTask { get; init; }
        public long AmountYuan { get; init; }
        public long Counties { get; init; }
        public long Marked { get; init; }
        public required string Derivation { get; init; }
        public string? Note { get; init; }
        public long? PrintedTotalYuan { get; init; }
        public bool IsPrintedTotalOnly { get; init; }
        public bool HasPrintedTotal => PrintedTotalYuan is not null && !IsPrintedTotalOnly;
        public bool TotalMatches => PrintedTotalYuan == AmountYuan;
        public bool HasMarked => Marked > 0;
        public string DerivationLabel => Labels.Derivation(Derivation);
        public bool IsMarked => Derivation != "printed";
    }

    public sealed record PlaceLink
    {
        public long ProjectId { get; init; }
        public required string Printed { get; init; }
        public string? Code { get; init; }
        public string? Name { get; init; }
    }

    public sealed record ProjectRow
    {
        public long Id { get; init; }
        public required string Code { get; init; }
        public required string Name { get; init; }
        public long FiscalYear { get; init; }
        public long AmountYuan { get; init; }
        public required string Derivation { get; init; }
        public string? ResponsibleUnit { get; init; }
        public IReadOnlyList<PlaceLink> Places { get; init; } = [];
        public string DerivationLabel => Labels.Derivation(Derivation);
        public bool IsMarked => Derivation != "printed";
    }

    public sealed record ProjectSection(string Programme, string Label, long Count, long TotalYuan, IReadOnlyList<ProjectRow> Projects, string? MoreHref);

    public sealed record AnnouncementLink
    {
        public required string Id { get; init; }
        public required string Title { get; init; }
        public DateTime? PublishedAt { get; init; }

        /// <summary>The publication date in Beijing, the date the notice bears.</summary>
        public DateTime? PublishedOn => PublishedAt is { } t ? Dates.ToBeijing(t) : null;
    }

    public sealed record Model(
        Region Region,
        string LevelLabel,
        IReadOnlyList<Region> Breadcrumb,
        string? ChildLevelLabel,
        IReadOnlyList<ChildRow> Children,
        bool ChildrenHaveAllocations,
        bool AllocationsAreCountyLevel,
        IReadOnlyList<AllocationRow> Allocations,
        Region? County,
        IReadOnlyList<ProjectSection> ProjectSections,
        IReadOnlyList<AnnouncementLink> Announcements,
        IReadOnlyList<SupervisionContacts.Contact> Contacts,
        IReadOnlyList<SupervisionContacts.Contact> ContactsBelow)
    {
        /// <summary>A prefecture or the region: the page leads with its divisions rather than a long project list.</summary>
        public bool AboveCounty => Region.Code.Length < RegionCodes.CountyLength;

        /// <summary>The region's own timeliness figure (Disclosure), for a county and above; null below.</summary>
        public Disclosure.DisclosureViews.Summary? Disclosure { get; init; }
    }

    sealed record ProjectTotal
    {
        public required string Programme { get; init; }
        public long Projects { get; init; }
        public long AmountYuan { get; init; }
    }

    sealed record CountyAllocation
    {
        public required string RegionCode { get; init; }
        public required string DocumentId { get; init; }
        public required string DocumentName { get; init; }
        public long AmountYuan { get; init; }
    }

    sealed record CountyProjects
    {
        public required string RegionCode { get; init; }
        public required string Programme { get; init; }
        public long Projects { get; init; }
        public long AmountYuan { get; init; }
    }

    sealed record PlacedProject
    {
        public required string RegionCode { get; init; }
        public long ProjectId { get; init; }
        public required string Programme { get; init; }
        public long AmountYuan { get; init; }
    }

    sealed record PrintedTotal
    {
        public required string DocumentId { get; init; }
        public required string DocumentName { get; init; }
        public required string Task { get; init; }
        public long AmountYuan { get; init; }
        public required string Derivation { get; init; }
        public string? Note { get; init; }
    }

    /// <summary>The page's model, or null for a code that is not a region.</summary>
    public static async Task<Model?> LoadAsync(Db db, string code, DateTime now)
    {
        await using var connection = await db.OpenAsync();
        var region = await FindAsync(connection, code);
        if (region is null)
        {
            return null;
        }

        var args = new { code, upper = RegionCodes.Upper(code), now };
        var countyOrAbove = code.Length <= RegionCodes.CountyLength;
        var breadcrumb = (await connection.QueryAsync<Region>(RegionsByCodes, new { codes = RegionCodes.Ancestors(code) })).ToList();
        var children = (await connection.QueryAsync<Region>(ChildRegions, new { code })).ToList();
        var childRows = await ChildRowsAsync(connection, code, children, now);

        var allocations = countyOrAbove ? await AllocationsAsync(connection, code, now) : [];
        var county = countyOrAbove ? null : breadcrumb.FirstOrDefault(r => r.Code == RegionCodes.County(code));

        var sections = await ProjectSectionsAsync(connection, code, now, "");
        var announcements = (await connection.QueryAsync<AnnouncementLink>(
            (countyOrAbove ? AnnouncementsInCounties : AnnouncementsOfPlaces) + db.Dialect.Limit("@take"), new { args.code, args.upper, now, take = 20 })).ToList();
        var contacts = await SupervisionContacts.ForAsync(connection, code, now);
        var contactsBelow = code.Length < RegionCodes.CountyLength ? await SupervisionContacts.UnderAsync(connection, code, now) : [];

        return new Model(region, Labels.Level(region.Level), breadcrumb, children.Count > 0 ? Labels.Level(children[0].Level) : null, childRows,
            childRows.Any(c => c.Allocations.Count > 0), code.Length == RegionCodes.CountyLength, allocations, county, sections, announcements,
            contacts, contactsBelow);

        async Task<IReadOnlyList<ProjectSection>> ProjectSectionsAsync(DbConnection c, string regionCode, DateTime at, string after)
        {
            var filter = countyOrAbove ? InCounties : AtPlaces;
            var totals = (await c.QueryAsync<ProjectTotal>(string.Format(ProjectTotals, filter), args)).ToDictionary(t => t.Programme);
            var result = new List<ProjectSection>();
            foreach (var programme in Programmes.Where(totals.ContainsKey))
            {
                var list = await ProjectListAsync(db, c, regionCode, at, programme, after);
                var total = totals[programme];
                result.Add(new ProjectSection(programme, Labels.Programme(programme), total.Projects, total.AmountYuan, list,
                    total.Projects > list.Count ? $"/regions/{regionCode}/projects?programme={programme}&after={Uri.EscapeDataString(list[^1].Code)}" : null));
            }

            return result;
        }
    }

    /// <summary>Linkage-fund projects first: they are what the portal is about; bond-funded ones follow in their own list.</summary>
    public static readonly string[] Programmes = ["linkage", "bond"];

    public static async Task<Region?> FindAsync(DbConnection connection, string code) =>
        RegionCodes.IsWellFormed(code) ? await connection.QuerySingleOrDefaultAsync<Region>(RegionByCode, new { code }) : null;

    /// <summary>One page (<see cref="ProjectsShown"/> rows) of a region's projects of a programme, in code order after <paramref name="after"/>.</summary>
    public static async Task<IReadOnlyList<ProjectRow>> ProjectListAsync(Db db, DbConnection connection, string code, DateTime now, string programme, string after)
    {
        var filter = code.Length <= RegionCodes.CountyLength ? InCounties : AtPlaces;
        var rows = (await connection.QueryAsync<ProjectRow>(string.Format(ProjectList, filter) + db.Dialect.Limit("@take"),
            new { code, upper = RegionCodes.Upper(code), now, programme, after, take = ProjectsShown })).ToList();
        if (rows.Count == 0)
        {
            return rows;
        }

        var places = (await connection.QueryAsync<PlaceLink>(PlacesOfProjects, new { ids = rows.Select(r => r.Id).ToArray() }))
            .ToLookup(p => p.ProjectId);
        return rows.Select(r => r with { Places = places[r.Id].ToList() }).ToList();
    }

    static async Task<IReadOnlyList<ChildRow>> ChildRowsAsync(DbConnection connection, string code, IReadOnlyList<Region> children, DateTime now)
    {
        if (children.Count == 0)
        {
            return [];
        }

        var args = new { code, upper = RegionCodes.Upper(code), now };
        var length = children[0].Code.Length;
        string ChildOf(string regionCode) => regionCode.Length >= length ? regionCode[..length] : "";

        var allocations = length <= RegionCodes.CountyLength
            ? (await connection.QueryAsync<CountyAllocation>(AllocationsByCounty, args)).ToList()
            : [];
        var projects = new Dictionary<(string Child, string Programme), (long Count, long Yuan)>();
        if (length <= RegionCodes.CountyLength)
        {
            foreach (var row in await connection.QueryAsync<CountyProjects>(ProjectTotalsByCounty, args))
            {
                var key = (ChildOf(row.RegionCode), row.Programme);
                var (count, yuan) = projects.GetValueOrDefault(key);
                projects[key] = (count + row.Projects, yuan + row.AmountYuan);
            }
        }
        else
        {
            var placed = (await connection.QueryAsync<PlacedProject>(ProjectPlacesBelow, args))
                .DistinctBy(p => (ChildOf(p.RegionCode), p.ProjectId));
            foreach (var row in placed)
            {
                var key = (ChildOf(row.RegionCode), row.Programme);
                var (count, yuan) = projects.GetValueOrDefault(key);
                projects[key] = (count + 1, yuan + row.AmountYuan);
            }
        }

        return children.Select(child =>
        {
            var received = allocations.Where(a => ChildOf(a.RegionCode) == child.Code)
                .GroupBy(a => (a.DocumentId, a.DocumentName))
                .Select(g => new DocumentAmount(g.Key.DocumentId, g.Key.DocumentName, g.Sum(a => a.AmountYuan)))
                .ToList();
            var linkage = projects.GetValueOrDefault((child.Code, "linkage"));
            var bond = projects.GetValueOrDefault((child.Code, "bond"));
            return new ChildRow(child.Code, child.ShortName, received, linkage.Count, linkage.Yuan, bond.Count, bond.Yuan);
        }).ToList();
    }

    static async Task<IReadOnlyList<AllocationRow>> AllocationsAsync(DbConnection connection, string code, DateTime now)
    {
        var args = new { code, upper = RegionCodes.Upper(code), now };
        var rows = (await connection.QueryAsync<AllocationRow>(AllocationsUnder, args)).ToList();
        var printed = (await connection.QueryAsync<PrintedTotal>(PrintedTotals, args)).ToList();
        var used = new HashSet<PrintedTotal>();
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

        // Totals with no county rows behind them here: a county's "all tasks" figure, or a subtotal of a task whose
        // county cells are not in the data.
        result.AddRange(printed.Where(t => !used.Contains(t)).Select(t => new AllocationRow
        {
            DocumentId = t.DocumentId,
            DocumentName = t.DocumentName,
            Task = t.Task.Length == 0 ? "全部任务合计" : t.Task,
            AmountYuan = t.AmountYuan,
            Derivation = t.Derivation,
            Note = t.Note,
            PrintedTotalYuan = t.AmountYuan,
            IsPrintedTotalOnly = true,
        }));
        return result.OrderBy(r => result.FindIndex(x => x.DocumentId == r.DocumentId)).ToList();
    }
}
