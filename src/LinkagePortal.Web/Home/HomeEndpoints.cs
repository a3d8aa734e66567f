using LinkagePortal.Rendering;

namespace LinkagePortal.Home;

/// <summary>The front page: what the portal is, headline totals with their documents, latest notices, prefectures.</summary>
public static class HomeEndpoints
{
    // A document's headline figure is its printed grand total (region 65) for all tasks or its main task.
    const string Headlines = $"""
        SELECT d.id AS DocumentId, d.number, d.title, d.kind, t.amount_yuan AS AmountYuan, t.derivation
        FROM allocation_totals t JOIN documents d ON d.id = t.document_id
        WHERE t.region_code = '65' AND (t.task = '' OR t.task = d.task) AND {Public.Documents}
        ORDER BY d.fiscal_year DESC, t.amount_yuan DESC
        """;

    const string Prefectures = "SELECT code AS Code, short_name AS Name FROM regions WHERE level = 'prefecture' ORDER BY code";

    // Rows use init properties: Dapper converts SQLite's TEXT dates and Int64 integers into them (its constructor
    // matching would demand the exact column types).
    public sealed record Headline
    {
        public required string DocumentId { get; init; }
        public string? Number { get; init; }
        public required string Title { get; init; }
        public required string Kind { get; init; }
        public long AmountYuan { get; init; }
        public required string Derivation { get; init; }
        public string KindLabel => Labels.DocumentKind(Kind);
    }

    public sealed record ProjectTotal
    {
        public required string Programme { get; init; }
        public long Projects { get; init; }
        public long AmountYuan { get; init; }
        public string Label => Labels.Programme(Programme);
    }

    public sealed record RegionLink
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
    }

    public sealed record HomeModel(IReadOnlyList<Headline> Headlines, IReadOnlyList<ProjectTotal> ProjectTotals,
        IReadOnlyList<AnnouncementRecord> Announcements, IReadOnlyList<RegionLink> Prefectures);

    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", async (Db db, PageRenderer pages, TimeProvider clock) =>
        {
            await using var connection = await db.OpenAsync();
            var now = clock.GetUtcNow().UtcDateTime;
            var totals = (await connection.QueryAsync<ProjectTotal>(RegionTotals.ProjectsByProgramme, new { now })).ToList();
            var model = new HomeModel(
                (await connection.QueryAsync<Headline>(Headlines, new { now })).ToList(),
                Vocabulary.Programmes.Values.SelectMany(p => totals.Where(t => t.Programme == p)).ToList(),
                await AnnouncementRecords.LatestAsync(connection, db.Dialect, now, 5),
                (await connection.QueryAsync<RegionLink>(Prefectures)).ToList());
            return pages.Page("Home/HomePage", model, "首页");
        }).CachedAs(PageCache.Page);
        return routes;
    }
}
