using System.Data.Common;
using System.Text;
using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Records;

namespace LinkagePortal.Hotline;

/// <summary>
/// Finds the listed project a caller means from whatever they can say: the code on the printed notice, a village or
/// township, part of the project's name, the responsible unit. Several small indexed queries each bring at most
/// <see cref="CandidatesPerMatch"/> candidates with how well they match; the best are ranked here. Nothing scans the
/// projects table, so it stays fast at a million projects: fragments of names, units and places go through the
/// shared <see cref="FragmentIndex"/>, the same on both engines.
/// </summary>
public sealed class ProjectLookup(Db db, TimeProvider clock)
{
    public const int MinQueryLength = 2;
    public const int MaxQueryLength = 50;
    public const int Take = 20;
    const int CandidatesPerMatch = 50;
    const int MaxRegions = 20;

    const string Visible = Public.Projects;

    // Codes are ASCII (654202-2024-010): a prefix is the range [q, q with its last character + 1).
    const string ByCode = $"""
        SELECT p.id AS Id, p.code AS Code FROM projects p
        WHERE p.code >= @from AND p.code < @to AND {Visible}
        ORDER BY p.code
        """;

    // Regions of Xinjiang (16k rows) by the names people use and the official ones: exact names first. The candidates
    // are the regions whose names have the query's rarest character pair (RegionNameIndex); a query without one
    // compares every name.
    const string NameHolds = "r.level IN ('county', 'township', 'village') AND (r.short_name LIKE @like ESCAPE '\\' OR r.name LIKE @like ESCAPE '\\')";

    const string BestNamedFirst = "ORDER BY CASE WHEN r.short_name = @q OR r.name = @q OR r.short_name = @village THEN 0 WHEN r.short_name LIKE @prefix ESCAPE '\\' THEN 1 ELSE 2 END, r.code";

    const string RegionsNamed = $"{RegionRecords.Select} {RegionRecords.From} WHERE {NameHolds} {BestNamedFirst}";

    const string RegionsNamedWithPair = $"""
        {RegionRecords.Select} {RegionRecords.From}
        WHERE r.code IN (SELECT rf.region_code FROM region_fragments rf WHERE rf.fragment = @pair) AND {NameHolds}
        {BestNamedFirst}
        """;

    // Places under a region (a village, or a township and its villages): codes nest, so it is one index range, read
    // in index order so that LIMIT stops early.
    const string PlacesUnder = $"""
        SELECT pp.project_id FROM project_places pp JOIN projects p ON p.id = pp.project_id
        WHERE pp.region_code >= @region AND pp.region_code <= @regionLast AND {Visible}
        ORDER BY pp.region_code, pp.project_id
        """;

    const string CountiesOf = $"{RegionRecords.Select} {RegionRecords.From} WHERE r.code IN @codes";

    const string InCounties = $"SELECT p.id FROM projects p WHERE p.county_code IN @counties AND {Visible} ORDER BY p.id";

    const string Details = """
        SELECT p.id AS Id, p.code AS Code, p.name AS Name, p.fiscal_year AS FiscalYear, p.amount_yuan AS AmountYuan,
               p.responsible_unit AS ResponsibleUnit, p.county_code AS CountyCode, c.short_name AS County
        FROM projects p JOIN regions c ON c.code = p.county_code
        WHERE p.id IN @ids
        """;

    /// <summary>What matched, best first; the score orders the results, the label tells the operator why.</summary>
    enum Match
    {
        County = 300,
        ResponsibleUnit = 450,
        Place = 500,
        Township = 550,
        Name = 600,
        Village = 700,
        VillageExact = 800,
        CodePrefix = 900,
        Code = 1000,
    }

    static string Label(Match match) => match switch
    {
        Match.Code or Match.CodePrefix => "项目编号",
        Match.Village or Match.VillageExact => "村名",
        Match.Name => "项目名称",
        Match.Township => "乡镇",
        Match.Place => "建设地点",
        Match.ResponsibleUnit => "责任单位",
        _ => "县市",
    };

    public sealed record CodeHit
    {
        public long Id { get; init; }
        public required string Code { get; init; }
    }

    public sealed record ProjectRow
    {
        public long Id { get; init; }
        public required string Code { get; init; }
        public required string Name { get; init; }
        public long FiscalYear { get; init; }
        public long AmountYuan { get; init; }
        public string? ResponsibleUnit { get; init; }
        public required string CountyCode { get; init; }
        public required string County { get; init; }
    }

    /// <summary>A place of a result as the operator reads it: the village (with its township) or the printed text.</summary>
    public sealed record Place(string Name, string? RegionCode);

    public sealed record Result(
        long Id, string Code, string Name, long FiscalYear, long AmountYuan, string? ResponsibleUnit,
        string County, string CountyCode, IReadOnlyList<Place> Places, string MatchedOn)
    {
        public decimal AmountWan => Money.ToWan(AmountYuan);
    }

    /// <summary>A place the query names where no project is listed, and the county whose page shows its money and notices.</summary>
    public sealed record NamedPlace(string Name, string Code, string Level, string County, string CountyCode)
    {
        public string Url => $"/regions/{Code}";
        public string CountyUrl => $"/regions/{CountyCode}";
    }

    /// <summary>Why a query cannot be looked up, or null when it can.</summary>
    public static string? Problem(string query) => query.Length switch
    {
        < MinQueryLength => $"请至少输入 {MinQueryLength} 个字（一个字能对上的项目太多）。",
        > MaxQueryLength => $"查询内容最多 {MaxQueryLength} 个字。",
        _ => null,
    };

    public async Task<IReadOnlyList<Result>> FindAsync(string query, CancellationToken cancellationToken = default)
    {
        var q = query.Normalize(NormalizationForm.FormKC).Trim();
        if (Problem(q) is not null)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var matches = new Dictionary<long, HashSet<Match>>();

        void Add(IEnumerable<long> ids, Match match)
        {
            foreach (var id in ids)
            {
                if (!matches.TryGetValue(id, out var kinds))
                {
                    matches[id] = kinds = [];
                }

                kinds.Add(match);
            }
        }

        // A code that names projects finds them; its digits are not looked for in names (a code's digit pairs are in
        // hundreds of thousands of names at a million projects, and a name holding the code is not what was asked for).
        var coded = await MatchCodeAsync(connection, q, now, Add);
        await MatchRegionsAsync(connection, q, now, Add);
        if (!coded)
        {
            await MatchFragmentsAsync(connection, q, now, Add);
        }
        if (matches.Count == 0)
        {
            return [];
        }

        // Each further kind of match (the village and the name, say) lifts a project above one matched once. Only
        // the candidates that can still make the list need their details (ties are broken by year and code).
        var ranked = matches
            .Select(m => (Id: m.Key, Score: (int)m.Value.Max() + 5 * (m.Value.Count - 1), Best: m.Value.Max()))
            .OrderByDescending(r => r.Score)
            .ToList();
        var threshold = ranked[Math.Min(Take, ranked.Count) - 1].Score;
        var rows = new Dictionary<long, ProjectRow>();
        foreach (var row in await connection.QueryInChunksAsync<ProjectRow, long>(Details, "ids", ranked.TakeWhile(r => r.Score >= threshold).Select(r => r.Id)))
        {
            rows[row.Id] = row;
        }

        var top = ranked
            .Where(r => rows.ContainsKey(r.Id))
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => rows[r.Id].FiscalYear)
            .ThenBy(r => rows[r.Id].Code, StringComparer.Ordinal)
            .Take(Take)
            .ToList();
        var places = await ProjectRecords.PlacesAsync(connection, top.Select(t => t.Id).ToList());
        return top.Select(t =>
        {
            var p = rows[t.Id];
            return new Result(p.Id, p.Code, p.Name, p.FiscalYear, p.AmountYuan, p.ResponsibleUnit, p.County, p.CountyCode,
                places[p.Id].Select(PlaceOf).ToList(), Label(t.Best));
        }).ToList();
    }

    /// <summary>
    /// The places a query names by their exact name (科克萨拉村, or 科克萨拉 for it), for the answer that finds no
    /// project: it says that nothing is listed there and offers the county's page.
    /// </summary>
    public async Task<IReadOnlyList<NamedPlace>> PlacesNamedAsync(string query, CancellationToken cancellationToken = default)
    {
        var q = query.Normalize(NormalizationForm.FormKC).Trim();
        if (Problem(q) is not null)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var regions = (await RegionsNamedAsync(connection, q))
            .Where(r => r.ShortName == q || r.Name == q || r.ShortName == q + "村")
            .ToList();
        if (regions.Count == 0)
        {
            return [];
        }

        var counties = (await connection.QueryAsync<RegionRecord>(CountiesOf, new { codes = regions.Select(r => RegionCodes.County(r.Code)).Distinct().ToArray() }))
            .ToDictionary(c => c.Code, c => c.ShortName);
        return regions.Select(r => new NamedPlace(r.ShortName, r.Code, r.LevelLabel, counties[RegionCodes.County(r.Code)!], RegionCodes.County(r.Code)!)).ToList();
    }

    static Place PlaceOf(ProjectPlace place) => place switch
    {
        { Level: "village", Name: { } village, ParentName: { } township } => new Place($"{township} {village}", place.Code),
        { Name: { } region } => new Place(region, place.Code),
        _ => new Place(place.Printed, null),
    };

    /// <summary>Projects whose code is the query or starts with it; false when none is.</summary>
    async Task<bool> MatchCodeAsync(DbConnection connection, string q, DateTime now, Action<IEnumerable<long>, Match> add)
    {
        if (!q.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return false;
        }

        var code = q.ToUpperInvariant();
        var to = code[..^1] + (char)(code[^1] + 1);
        var hits = (await connection.QueryAsync<CodeHit>(ByCode + db.Dialect.Limit("@take"), new { from = code, to, now, take = CandidatesPerMatch })).ToList();
        add(hits.Where(h => h.Code == code).Select(h => h.Id), Match.Code);
        add(hits.Where(h => h.Code != code).Select(h => h.Id), Match.CodePrefix);
        return hits.Count > 0;
    }

    /// <summary>The counties, townships and villages whose name holds the query, the best named first, at most <see cref="MaxRegions"/>.</summary>
    async Task<List<RegionRecord>> RegionsNamedAsync(DbConnection connection, string q)
    {
        var pair = await RegionNameIndex.RarestPairAsync(connection, q);
        if (pair == "")
        {
            return [];
        }

        return (await connection.QueryAsync<RegionRecord>((pair is null ? RegionsNamed : RegionsNamedWithPair) + db.Dialect.Limit("@take"),
            new { q, pair, like = "%" + EscapeLike(q) + "%", prefix = EscapeLike(q) + "%", village = q + "村", take = MaxRegions })).ToList();
    }

    async Task MatchRegionsAsync(DbConnection connection, string q, DateTime now, Action<IEnumerable<long>, Match> add)
    {
        var regions = await RegionsNamedAsync(connection, q);
        if (regions.Count == 0)
        {
            return;
        }

        var counties = regions.Where(r => r.Level == "county").Select(r => r.Code).ToArray();
        if (counties.Length > 0)
        {
            add(await connection.QueryAsync<long>(InCounties + db.Dialect.Limit("@take"), new { counties, now, take = CandidatesPerMatch }), Match.County);
        }

        // Best-named regions first, until the candidates are enough.
        var budget = CandidatesPerMatch;
        foreach (var region in regions.Where(r => r.Level != "county"))
        {
            var ids = (await connection.QueryAsync<long>(PlacesUnder + db.Dialect.Limit("@take"),
                new { region = region.Code, regionLast = RegionCodes.Last(region.Code), now, take = budget })).ToList();
            var exact = region.ShortName == q || region.Name == q || region.ShortName == q + "村";
            add(ids, region.Level == "village" ? (exact ? Match.VillageExact : Match.Village) : Match.Township);
            budget -= ids.Count;
            if (budget <= 0)
            {
                break;
            }
        }
    }

    async Task MatchFragmentsAsync(DbConnection connection, string q, DateTime now, Action<IEnumerable<long>, Match> add)
    {
        foreach (var (field, match) in new[] { (FragmentIndex.Field.Name, Match.Name), (FragmentIndex.Field.Place, Match.Place), (FragmentIndex.Field.ResponsibleUnit, Match.ResponsibleUnit) })
        {
            if (await FragmentIndex.FindAsync(connection, db.Dialect, field, q, now, CandidatesPerMatch) is { } ids)
            {
                add(ids, match);
            }
        }
    }

    /// <summary>Typed text in a LIKE pattern matches itself: %, _ and [ (SQL Server) are escaped with \.</summary>
    static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[");
}
