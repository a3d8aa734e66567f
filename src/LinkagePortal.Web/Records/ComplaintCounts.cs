using System.Data.Common;

namespace LinkagePortal.Records;

/// <summary>
/// What the public may know of complaints: how many were recorded against a listed project and where they stand.
/// Counts only, never their text, organisation or case reference. Only listed (visible) projects are counted.
/// </summary>
public sealed class ComplaintCounts(Db db, TimeProvider clock)
{
    const string Visible = Public.Projects;

    const string ForProject = $"""
        SELECT c.status, COUNT(*) AS Count
        FROM complaints c JOIN projects p ON p.id = c.project_id
        WHERE c.project_id = @id AND {Visible}
        GROUP BY c.status
        """;

    const string ListedProject = "SELECT p.id, p.code, p.name, p.county_code FROM projects p";

    const string ListedProjectById = $"{ListedProject} WHERE p.id = @id AND {Visible}";

    const string ListedProjectByCode = $"{ListedProject} WHERE p.code = @code AND {Visible}";

    // Projects under a region (county_code in the code's range), most open complaints first.
    const string RankUnder = $"""
        SELECT p.id AS Id, p.code AS Code, p.name AS Name, p.county_code AS CountyCode,
               SUM(CASE WHEN c.status = 'received' THEN 1 ELSE 0 END) AS Received,
               SUM(CASE WHEN c.status = 'under_review' THEN 1 ELSE 0 END) AS UnderReview,
               SUM(CASE WHEN c.status = 'resolved' THEN 1 ELSE 0 END) AS Resolved,
               SUM(CASE WHEN c.status = 'unfounded' THEN 1 ELSE 0 END) AS Unfounded
        FROM complaints c JOIN projects p ON p.id = c.project_id
        WHERE p.county_code >= @code AND p.county_code <= @codeLast AND {Visible}
        GROUP BY p.id, p.code, p.name, p.county_code
        ORDER BY SUM(CASE WHEN c.status IN ('received', 'under_review') THEN 1 ELSE 0 END) DESC, COUNT(*) DESC, p.code
        """;

    // Counties with any complaint on a listed project, for the hotline page's links.
    const string CountiesWithComplaints = $"""
        SELECT r.code AS Code, r.short_name AS Name, COUNT(*) AS Total,
               SUM(CASE WHEN c.status IN ('received', 'under_review') THEN 1 ELSE 0 END) AS OpenCount
        FROM complaints c JOIN projects p ON p.id = c.project_id JOIN regions r ON r.code = p.county_code
        WHERE {Visible}
        GROUP BY r.code, r.short_name
        ORDER BY r.code
        """;

    const string Region = "SELECT code AS Code, short_name AS Name, level AS Level FROM regions WHERE code = @code";

    public sealed record StatusCount
    {
        public required string Status { get; init; }
        public long Count { get; init; }
    }

    /// <summary>A project's complaints by status; <see cref="Open"/> = received + under review.</summary>
    public sealed record Counts(long Received, long UnderReview, long Resolved, long Unfounded)
    {
        public long Open => Received + UnderReview;
        public long Total => Received + UnderReview + Resolved + Unfounded;
        public bool Any => Total > 0;

        public IReadOnlyDictionary<string, long> ByStatus => new Dictionary<string, long>
        {
            [ComplaintStatus.Received] = Received,
            [ComplaintStatus.UnderReview] = UnderReview,
            [ComplaintStatus.Resolved] = Resolved,
            [ComplaintStatus.Unfounded] = Unfounded,
        };
    }

    /// <summary>A listed project as the counts and the complaints' recorders name it.</summary>
    public sealed record ProjectRef
    {
        public long Id { get; init; }
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string CountyCode { get; init; }
    }

    public sealed record RankedProject
    {
        public long Id { get; init; }
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string CountyCode { get; init; }
        public long Received { get; init; }
        public long UnderReview { get; init; }
        public long Resolved { get; init; }
        public long Unfounded { get; init; }
        public Counts Counts => new(Received, UnderReview, Resolved, Unfounded);
        public long Open => Counts.Open;
        public long Total => Counts.Total;
    }

    public sealed record CountyTotal
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public long Total { get; init; }
        public long OpenCount { get; init; }
    }

    public sealed record RegionRef
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string Level { get; init; }
    }

    /// <summary>The counts of a listed project given by its code or its id, or null when no listed project has it.</summary>
    public async Task<(ProjectRef Project, Counts Counts)?> ForProjectAsync(string codeOrId)
    {
        await using var connection = await db.OpenAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var project = long.TryParse(codeOrId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? await ListedProjectAsync(connection, id, now)
            : await connection.QuerySingleOrDefaultAsync<ProjectRef>(ListedProjectByCode, new { code = codeOrId, now });
        if (project is null)
        {
            return null;
        }

        return (project, await ForAsync(connection, project.Id, now));
    }

    /// <summary>The listed project with this id, or null when no listed project has it.</summary>
    public static Task<ProjectRef?> ListedProjectAsync(DbConnection connection, long id, DateTime now) =>
        connection.QuerySingleOrDefaultAsync<ProjectRef>(ListedProjectById, new { id, now });

    /// <summary>The counts of a project, for a page that already has a connection open (the project's page).</summary>
    public static async Task<Counts> ForAsync(DbConnection connection, long projectId, DateTime now)
    {
        var counts = (await connection.QueryAsync<StatusCount>(ForProject, new { id = projectId, now })).ToDictionary(c => c.Status, c => c.Count);
        return new Counts(
            counts.GetValueOrDefault(ComplaintStatus.Received),
            counts.GetValueOrDefault(ComplaintStatus.UnderReview),
            counts.GetValueOrDefault(ComplaintStatus.Resolved),
            counts.GetValueOrDefault(ComplaintStatus.Unfounded));
    }

    /// <summary>A county (or a prefecture, or the region) and its projects ranked by open complaints; null for another code.</summary>
    public async Task<(RegionRef Region, IReadOnlyList<RankedProject> Projects)?> RankAsync(string code, int take)
    {
        await using var connection = await db.OpenAsync();
        var region = await connection.QuerySingleOrDefaultAsync<RegionRef>(Region, new { code });
        if (region is null || region.Level is not ("county" or "prefecture" or "province"))
        {
            return null;
        }

        var ranked = await connection.QueryAsync<RankedProject>(RankUnder + db.Dialect.Limit("@take"),
            new { code, codeLast = RegionCodes.Last(code), now = clock.GetUtcNow().UtcDateTime, take });
        return (region, ranked.ToList());
    }

    public async Task<IReadOnlyList<CountyTotal>> CountiesAsync()
    {
        await using var connection = await db.OpenAsync();
        return (await connection.QueryAsync<CountyTotal>(CountiesWithComplaints, new { now = clock.GetUtcNow().UtcDateTime })).ToList();
    }
}
