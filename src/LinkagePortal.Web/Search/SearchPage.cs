using System.Data.Common;
using LinkagePortal.Rendering;

namespace LinkagePortal.Search;

/// <summary>
/// Finds regions, projects and documents by name or code. Every lookup is an index seek or a bounded scan in the
/// database, never all rows into memory: region names by an indexed prefix of their first characters (then compared
/// loosely here, a few hundred rows at most), codes by prefix. A query that names places gives the projects located
/// there (an index range); only a query that names no place is looked for inside project names, responsible units
/// and printed places, through the shared <see cref="FragmentIndex"/> (a single letter, which it cannot answer, by a
/// substring scan with a row limit). Documents are few and are compared here.
/// </summary>
public static class SearchPage
{
    public const int MaxQueryLength = 50;
    /// <summary>Regions per page of results; every match is counted and reachable by the page links.</summary>
    public const int RegionsPerPage = 20;
    const int ProjectsShown = 50;
    const int RegionCandidates = 500;

    // The first characters of a name pick the candidates ({0}: the dialect's index-friendly "starts with").
    const string RegionsNamed = "SELECT code AS Code, name AS Name, short_name AS ShortName, level AS Level FROM regions WHERE {0} ORDER BY code";

    const string RegionsByCode = """
        SELECT code AS Code, name AS Name, short_name AS ShortName, level AS Level FROM regions
        WHERE code >= @code AND code <= @codeLast
        ORDER BY code
        """;

    const string RegionNames = "SELECT code AS Code, short_name AS ShortName FROM regions WHERE code IN @codes";

    // The prefectures and counties (some 120 rows), whose names a query may start with: 乌苏西湖镇, 塔城地区西湖村.
    const string Divisions = "SELECT code AS Code, name AS Name, short_name AS ShortName, level AS Level FROM regions WHERE level IN ('prefecture', 'county')";

    // Which of the villages found have a project: they come first among equally close names.
    const string PlacesWithProjects = "SELECT DISTINCT pp.region_code FROM project_places pp WHERE pp.region_code IN @codes";

    const string ProjectsByCode = $$"""
        {{ProjectRecords.Select}} {{ProjectRecords.From}}
        WHERE {0} AND {{Public.Projects}}
        ORDER BY p.code
        """;

    // The projects in a county (ix_projects_county gives them in id order) or at the places under a township or village.
    const string ProjectsInCounty = $"""
        {ProjectRecords.Select} {ProjectRecords.From}
        WHERE p.county_code = @code AND {Public.Projects}
        ORDER BY p.id
        """;

    const string ProjectsAtPlaces = $"""
        {ProjectRecords.Select} {ProjectRecords.From}
        WHERE p.id IN (SELECT pp.project_id FROM project_places pp WHERE pp.region_code >= @code AND pp.region_code <= @codeLast)
          AND {Public.Projects}
        ORDER BY p.id
        """;

    // A query the fragment index cannot answer (a single letter): substring scans in id order, so that LIMIT stops
    // them at the first rows found.
    const string ProjectsByName = $"""
        {ProjectRecords.Select} {ProjectRecords.From}
        WHERE (p.name LIKE @text OR p.responsible_unit LIKE @text) AND {Public.Projects}
        ORDER BY p.id
        """;

    const string ProjectsByPrintedPlace = "SELECT pp.project_id FROM project_places pp WHERE pp.place_as_printed LIKE @text ORDER BY pp.id";

    const string ProjectsByIds = $"""
        {ProjectRecords.Select} {ProjectRecords.From}
        WHERE p.id IN @ids AND {Public.Projects}
        ORDER BY p.id
        """;

    const string VisibleDocuments = $"""
        {DocumentRecords.Select} {DocumentRecords.From}
        WHERE {Public.Documents}
        ORDER BY d.fiscal_year DESC, d.id
        """;

    public sealed record RegionHit : RegionRecord
    {
        public int Closeness { get; init; }
        public string Path { get; init; } = "";
        public bool IsLoose => Closeness == 2;
    }

    /// <summary>The regions of one county on a page of results, with how many of all the matches are in that county.</summary>
    public sealed record RegionGroup(string CountyCode, string Where, int Total, IReadOnlyList<RegionHit> Regions);

    /// <summary>A link to a page of the results.</summary>
    public sealed record PageLink(int Number, string Href, bool IsCurrent);

    /// <summary>
    /// <see cref="Regions"/> is one page (<see cref="Page"/>) of the <see cref="RegionTotal"/> regions found, grouped
    /// by county in <see cref="RegionGroups"/>. <see cref="ProjectsLocated"/>: the projects are those at the regions
    /// found, not ones whose text matched.
    /// </summary>
    public sealed record Model(string Query, IReadOnlyList<RegionHit> Regions, IReadOnlyList<ProjectRecord> Projects, bool ProjectsLocated, IReadOnlyList<DocumentRecord> Documents)
    {
        public int RegionTotal { get; init; } = Regions.Count;

        /// <summary>The candidates a query's first characters pick were cut at their bound: there may be more than the total.</summary>
        public bool RegionTotalIsFloor { get; init; }
        public int Page { get; init; } = 1;
        public IReadOnlyList<RegionGroup> RegionGroups { get; init; } = [];
        public int PageCount => Math.Max(1, (RegionTotal + RegionsPerPage - 1) / RegionsPerPage);
        public bool IsPaged => PageCount > 1;
        public int FirstShown => (Page - 1) * RegionsPerPage + 1;
        public int LastShown => FirstShown + Regions.Count - 1;

        public IReadOnlyList<PageLink> PageLinks => Enumerable.Range(1, PageCount)
            .Select(n => new PageLink(n, $"/search?q={Uri.EscapeDataString(Query)}{(n == 1 ? "" : $"&page={n}")}", n == Page)).ToList();

        public bool HasQuery => Query.Length > 0;
        public bool NothingFound => HasQuery && RegionTotal == 0 && Projects.Count == 0 && Documents.Count == 0;
        public bool ProjectsCapped => Projects.Count >= ProjectsShown;
    }

    /// <summary>Where a search goes: a page of results, or straight to the one thing it names.</summary>
    public sealed record Outcome(Model? Results, string? RedirectTo);

    public static async Task<Outcome> RunAsync(Db db, string query, int page, DateTime now)
    {
        var compact = SearchText.Compact(query);
        if (compact.Length > MaxQueryLength)
        {
            compact = compact[..MaxQueryLength];
        }

        if (SearchText.Clean(compact).Length == 0)
        {
            return new Outcome(new Model(compact, [], [], false, []), null);
        }

        await using var connection = await db.OpenAsync();
        var regions = new List<RegionHit>();
        var capped = false;
        var projects = new List<ProjectRecord>();
        var codeLike = SearchText.LooksLikeCode(compact);
        if (codeLike)
        {
            var code = compact.ToUpperInvariant();
            if (code.All(char.IsAsciiDigit))
            {
                regions = (await connection.QueryAsync<RegionHit>(RegionsByCode + db.Dialect.Limit("@take"),
                    new { code, codeLast = RegionCodes.Last(code), take = RegionCandidates })).ToList();
                capped = regions.Count == RegionCandidates;
                if (regions.FirstOrDefault(r => r.Code == code) is { } exact)
                {
                    return new Outcome(null, $"/regions/{exact.Code}");
                }
            }

            projects = (await connection.QueryAsync<ProjectRecord>(string.Format(ProjectsByCode, db.Dialect.StartsWith("p.code", "@prefix")) + db.Dialect.Limit("@take"),
                new { prefix = db.Dialect.PrefixPattern(code), now, take = ProjectsShown })).ToList();
            if (projects.FirstOrDefault(p => p.Code == code) is { } named)
            {
                return new Outcome(null, $"/projects/{named.Id}");
            }
        }
        else
        {
            (regions, capped) = await RegionsByNameAsync(db, connection, SearchText.Clean(compact));
        }

        var documents = await DocumentsAsync(connection, compact, now);
        if (regions.Count == 1 && projects.Count == 0 && documents.Count == 0 && page == 1)
        {
            return new Outcome(null, $"/regions/{regions[0].Code}");
        }

        // A code finds codes; a name finds the projects at the places it names, or else inside project texts.
        var located = !codeLike && regions.Count > 0;
        if (located)
        {
            projects = await ProjectsAtAsync(db, connection, regions, now);
        }
        else if (!codeLike || (regions.Count == 0 && projects.Count == 0))
        {
            projects = Merge(projects, await ProjectsByTextAsync(db, connection, compact, now));
        }

        var shown = regions.Skip((page - 1) * RegionsPerPage).Take(RegionsPerPage).ToList();
        var withPaths = await WithPathsAsync(connection, shown);
        var perCounty = regions.CountBy(r => RegionCodes.County(r.Code) ?? r.Code).ToDictionary(c => c.Key, c => c.Value);
        var groups = withPaths.GroupBy(r => RegionCodes.County(r.Code) ?? r.Code)
            .Select(g => new RegionGroup(g.Key, WhereIs(g.First(), g.Key), perCounty[g.Key], g.ToList()))
            .ToList();
        return new Outcome(new Model(compact, withPaths, projects, located, documents)
        {
            RegionTotal = regions.Count,
            RegionTotalIsFloor = capped,
            Page = page,
            RegionGroups = groups,
        }, null);
    }

    /// <summary>The county a group of results is in, with its prefecture (塔城地区 › 乌苏市), from the path of one of them.</summary>
    static string WhereIs(RegionHit hit, string countyCode)
    {
        var levels = RegionCodes.Ancestors(hit.Code).Count(a => a.Length > 2 && a.Length <= countyCode.Length);
        var names = hit.Path.Length == 0 ? [] : hit.Path.Split(" › ");
        var county = string.Join(" › ", names.Take(levels));
        return hit.Code == countyCode ? (county.Length == 0 ? hit.ShortName : $"{county} › {hit.ShortName}") : county;
    }

    static List<ProjectRecord> Merge(List<ProjectRecord> first, List<ProjectRecord> more) =>
        first.Concat(more).DistinctBy(p => p.Id).Take(ProjectsShown).ToList();

    /// <summary>The projects located in the best few regions found (counties, townships, villages; a prefecture is too broad).</summary>
    static async Task<List<ProjectRecord>> ProjectsAtAsync(Db db, DbConnection connection, List<RegionHit> regions, DateTime now)
    {
        var found = new List<ProjectRecord>();
        foreach (var region in regions.Where(r => r.Code.Length >= RegionCodes.CountyLength).Take(3))
        {
            var sql = (region.Code.Length == RegionCodes.CountyLength ? ProjectsInCounty : ProjectsAtPlaces) + db.Dialect.Limit("@take");
            found = Merge(found, (await connection.QueryAsync<ProjectRecord>(sql,
                new { code = region.Code, codeLast = RegionCodes.Last(region.Code), now, take = ProjectsShown })).ToList());
        }

        return found;
    }

    /// <summary>
    /// Regions whose name is close to the query, best first. A query naming its county or township first
    /// (乌苏市八十四户乡党家庄村) is read as that context plus the place, preferring places inside the context.
    /// </summary>
    static async Task<(List<RegionHit> Hits, bool Capped)> RegionsByNameAsync(Db db, DbConnection connection, string clean)
    {
        var divisions = (await connection.QueryAsync<RegionRecord>(Divisions)).ToList();
        foreach (var (context, within, name) in Readings(clean, divisions))
        {
            var core = SearchText.Core(name);
            var prefix = core[..Math.Min(2, core.Length)];
            var candidates = (await connection.QueryAsync<RegionHit>(
                string.Format(RegionsNamed, db.Dialect.StartsWith("short_name", "@prefix")) + db.Dialect.Limit("@take"),
                new { prefix = db.Dialect.PrefixPattern(prefix), take = RegionCandidates })).ToList();
            var hits = candidates
                .Select(r => r with { Closeness = SearchText.Closeness(core, SearchText.Core(r.ShortName)) ?? -1 })
                .Where(r => r.Closeness >= 0)
                .ToList();
            if (hits.Count == 0)
            {
                continue;
            }

            if (within.Count > 0)
            {
                hits = hits.Where(h => within.Any(w => h.Code.Length > w.Length && h.Code.StartsWith(w, StringComparison.Ordinal))).ToList();
                if (hits.Count == 0)
                {
                    continue;
                }
            }
            else if (context.Length > 0)
            {
                var ancestors = await AncestorNamesAsync(connection, hits);
                var inContext = hits.Where(h => RegionCodes.Ancestors(h.Code).Any(a => a.Length > 2
                    && ancestors.TryGetValue(a, out var n) && context.Contains(SearchText.Core(n), StringComparison.Ordinal))).ToList();
                hits = inContext.Count > 0 ? inContext : hits;
            }

            var withProjects = (await connection.QueryAsync<string>(PlacesWithProjects, new { codes = hits.Select(h => h.Code).ToArray() })).ToHashSet();
            return (hits.OrderBy(h => h.Closeness).ThenBy(h => withProjects.Contains(h.Code) ? 0 : 1).ThenBy(h => h.Code.Length)
                .ThenBy(h => h.Code, StringComparer.Ordinal).ToList(), candidates.Count == RegionCandidates);
        }

        return ([], false);
    }

    /// <summary>
    /// The ways to read a query as a place: whole; after a prefecture's or county's name, full or short, with or
    /// without a space (乌苏西湖镇, 塔城地区 西湖村: <c>within</c> those divisions' codes); after a division ending
    /// (<see cref="SearchText.Readings"/>: the context is matched by name).
    /// </summary>
    static IEnumerable<(string Context, IReadOnlyList<string> Within, string Name)> Readings(string clean, IReadOnlyList<RegionRecord> divisions)
    {
        yield return ("", [], clean);
        var named = divisions
            .SelectMany(d => SearchText.NamesOfDivision(d.ShortName).Concat(SearchText.NamesOfDivision(d.Name)).Distinct().Select(n => (Name: n, d.Code)))
            .Where(x => clean.Length > x.Name.Length && clean.StartsWith(x.Name, StringComparison.Ordinal))
            .GroupBy(x => x.Name.Length)
            .OrderByDescending(g => g.Key);
        foreach (var group in named)
        {
            yield return (clean[..group.Key], group.Select(x => x.Code).Distinct().ToList(), clean[group.Key..]);
        }

        foreach (var (context, name) in SearchText.Readings(clean).Skip(1))
        {
            yield return (context, [], name);
        }
    }

    static async Task<List<ProjectRecord>> ProjectsByTextAsync(Db db, DbConnection connection, string compact, DateTime now)
    {
        var found = new List<long>();
        var answered = false;
        foreach (var field in new[] { FragmentIndex.Field.Name, FragmentIndex.Field.ResponsibleUnit, FragmentIndex.Field.Place })
        {
            if (found.Count < ProjectsShown && await FragmentIndex.FindAsync(connection, db.Dialect, field, compact, now, ProjectsShown) is { } ids)
            {
                found.AddRange(ids);
                answered = true;
            }
        }

        if (answered)
        {
            var ids = found.Distinct().Take(ProjectsShown).ToArray();
            return ids.Length == 0 ? [] : (await connection.QueryAsync<ProjectRecord>(ProjectsByIds, new { ids, now })).ToList();
        }

        var args = new { text = SqlDialect.ContainsPattern(compact), now, take = ProjectsShown };
        var hits = (await connection.QueryAsync<ProjectRecord>(ProjectsByName + db.Dialect.Limit("@take"), args)).ToList();
        if (hits.Count < ProjectsShown)
        {
            var more = (await connection.QueryAsync<long>(ProjectsByPrintedPlace + db.Dialect.Limit("@take"), args))
                .Where(id => hits.All(h => h.Id != id)).Distinct().ToArray();
            if (more.Length > 0)
            {
                hits.AddRange(await connection.QueryAsync<ProjectRecord>(ProjectsByIds, new { ids = more, now }));
            }
        }

        return hits;
    }

    /// <summary>Documents are few: compared here by number, title and id with punctuation ignored (新财振2024 9号).</summary>
    static async Task<List<DocumentRecord>> DocumentsAsync(DbConnection connection, string compact, DateTime now)
    {
        var query = SearchText.Clean(compact);
        return (await connection.QueryAsync<DocumentRecord>(VisibleDocuments, new { now }))
            .Where(d => SearchText.Clean(d.Number ?? "").Contains(query, StringComparison.Ordinal)
                || SearchText.Clean(d.Title).Contains(query, StringComparison.Ordinal)
                || string.Equals(d.Id, compact, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    static async Task<Dictionary<string, string>> AncestorNamesAsync(DbConnection connection, IEnumerable<RegionHit> hits)
    {
        var codes = hits.SelectMany(h => RegionCodes.Ancestors(h.Code)).Distinct().ToArray();
        return codes.Length == 0
            ? []
            : (await connection.QueryAsync<(string Code, string ShortName)>(RegionNames, new { codes })).ToDictionary(r => r.Code, r => r.ShortName);
    }

    /// <summary>Adds where each region is (塔城地区 › 乌苏市 › 八十四户乡), so that namesakes can be told apart.</summary>
    static async Task<IReadOnlyList<RegionHit>> WithPathsAsync(DbConnection connection, List<RegionHit> regions)
    {
        var names = await AncestorNamesAsync(connection, regions);
        return regions.Select(r => r with
        {
            Path = string.Join(" › ", RegionCodes.Ancestors(r.Code).Where(a => a.Length > 2 && names.ContainsKey(a)).Select(a => names[a])),
        }).ToList();
    }
}
