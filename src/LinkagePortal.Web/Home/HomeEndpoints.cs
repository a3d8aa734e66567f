using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Rendering;

namespace LinkagePortal.Home;

/// <summary>The front page: what the portal is, headline totals with their documents, latest notices, prefectures.</summary>
public static class HomeEndpoints
{
    // A document's headline figure is its printed grand total (region 65) for all tasks or its main task.
    const string Headlines = """
        SELECT d.id AS DocumentId, d.number AS Number, d.title AS Title, d.kind AS Kind, t.amount_yuan AS AmountYuan, t.derivation AS Derivation
        FROM allocation_totals t JOIN documents d ON d.id = t.document_id
        WHERE t.region_code = '65' AND (t.task = '' OR t.task = d.task) AND (d.published_at IS NULL OR d.published_at <= @now)
        ORDER BY d.fiscal_year DESC, t.amount_yuan DESC
        """;

    const string LatestAnnouncements = """
        SELECT a.id AS Id, a.title AS Title, a.published_at AS PublishedAt, r.short_name AS CountyName
        FROM announcements a JOIN regions r ON r.code = a.county_code
        WHERE a.published_at IS NULL OR a.published_at <= @now
        ORDER BY a.published_at DESC, a.id
        """;

    const string ProjectTotals = """
        SELECT p.programme AS Programme, COUNT(*) AS Projects, SUM(p.amount_yuan) AS AmountYuan
        FROM projects p
        WHERE p.published_at IS NULL OR p.published_at <= @now
        GROUP BY p.programme
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

    public sealed record AnnouncementLink
    {
        public required string Id { get; init; }
        public required string Title { get; init; }
        public DateTime? PublishedAt { get; init; }
        public required string CountyName { get; init; }
        public DateTime? PublishedOn => PublishedAt is { } t ? Dates.ToBeijing(t) : null;
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
        IReadOnlyList<AnnouncementLink> Announcements, IReadOnlyList<RegionLink> Prefectures);

    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", async (Db db, PageRenderer pages, TimeProvider clock) =>
        {
            await using var connection = await db.OpenAsync();
            var now = clock.GetUtcNow().UtcDateTime;
            var totals = (await connection.QueryAsync<ProjectTotal>(ProjectTotals, new { now })).ToList();
            var model = new HomeModel(
                (await connection.QueryAsync<Headline>(Headlines, new { now })).ToList(),
                Regions.RegionPage.Programmes.SelectMany(p => totals.Where(t => t.Programme == p)).ToList(),
                (await connection.QueryAsync<AnnouncementLink>(LatestAnnouncements + db.Dialect.Limit("5"), new { now })).ToList(),
                (await connection.QueryAsync<RegionLink>(Prefectures)).ToList());
            return pages.Page("Home/HomePage", model, "首页");
        }).CachedAs(PageCache.Page);
        return routes;
    }
}
