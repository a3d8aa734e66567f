using LinkagePortal.Rendering;

namespace LinkagePortal.Regions;

/// <summary><c>/regions/{code}</c> for any level from 65 down to a 12-digit village, and its full project lists.</summary>
public static class RegionEndpoints
{
    public sealed record ProjectListModel(RegionRecord Region, string Label, IReadOnlyList<ProjectRecord> Projects, string? NextHref);

    public sealed record Prefecture(RegionRecord Region, IReadOnlyList<RegionRecord> Counties);

    public sealed record IndexModel(RegionRecord Region, IReadOnlyList<Prefecture> Prefectures)
    {
        public int CountyCount => Prefectures.Sum(p => p.Counties.Count);
    }

    // The autonomous region, its prefectures and their counties: some 120 rows, in code order.
    const string CountiesAndAbove = $"{RegionRecords.Select} {RegionRecords.From} WHERE r.level IN ('province', 'prefecture', 'county') ORDER BY r.code";

    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/regions");

        group.MapGet("", async (Db db, PageRenderer pages) =>
        {
            await using var connection = await db.OpenAsync();
            var regions = (await connection.QueryAsync<RegionRecord>(CountiesAndAbove)).ToList();
            var prefectures = regions.Where(r => r.Level == "prefecture")
                .Select(p => new Prefecture(p, regions.Where(c => c.ParentCode == p.Code).ToList()))
                .ToList();
            return pages.Page("Regions/RegionIndexPage", new IndexModel(regions.Single(r => r.Level == "province"), prefectures), "各地区");
        }).CachedAs(PageCache.Page);

        group.MapGet("/{code}", async (string code, HttpContext http, Db db, PageRenderer pages, TimeProvider clock, RegionTimeliness timeliness,
            CountyAccountability accountability) =>
        {
            var model = await RegionPage.LoadAsync(db, code, clock.GetUtcNow().UtcDateTime);

            // Below a county the money, the deadlines and the checks are the county's: a village page shows its county's.
            var accountable = model is null ? null : model.AboveCounty ? model.Region : model.CountyMoney?.County;
            if (model is not null && RegionCodes.County(code) is { } county)
            {
                PageCache.ShowsCounty(http, county);
            }

            if (model is not null && accountable is not null)
            {
                model = model with { Disclosure = await timeliness(http, accountable.Code, accountable.ShortName) };
                PageCache.AlsoTag(http, PageCache.TimelinessTag);
                PageCache.AlsoTag(http, PageCache.TimelinessTagOf(accountable.Code));
                if (accountable.Code.Length == RegionCodes.CountyLength)
                {
                    model = model with { Checks = await accountability(accountable.Code, http.RequestAborted) };
                    PageCache.AlsoTag(http, PageCache.CountyTag(accountable.Code));
                }
            }

            return model is null
                ? ErrorPages.NotFound(pages, $"没有代码为“{code}”的地区。地区代码是2位（自治区）、4位（地州市）、6位（县市区）、9位（乡镇）或12位（村、社区）数字。")
                : pages.Page("Regions/RegionPage", model, model.Region.ShortName);
        }).CachedAs(PageCache.Page);

        group.MapGet("/{code}/projects", async (string code, string? programme, string? after, HttpContext http, Db db, PageRenderer pages, TimeProvider clock) =>
        {
            programme ??= Vocabulary.Programmes.Values[0];
            if (!Vocabulary.Programmes.Values.Contains(programme))
            {
                return pages.Page("Rendering/ErrorPage", new ErrorPages.ErrorModel("请求有误（400）",
                    $"参数 programme 只能是 {string.Join(" 或 ", Vocabulary.Programmes.Values)}（衔接资金项目或债券资金项目），收到的是“{programme}”。"),
                    "请求有误", StatusCodes.Status400BadRequest);
            }

            await using var connection = await db.OpenAsync();
            var region = await RegionRecords.FindAsync(connection, code);
            if (region is null)
            {
                return ErrorPages.NotFound(pages, $"没有代码为“{code}”的地区。");
            }

            if (RegionCodes.County(code) is { } county)
            {
                PageCache.ShowsCounty(http, county);
            }

            var projects = await RegionPage.ProjectListAsync(db, connection, code, clock.GetUtcNow().UtcDateTime, programme, after ?? "");
            var next = projects.Count == RegionPage.ProjectsShown
                ? $"/regions/{code}/projects?programme={programme}&after={Uri.EscapeDataString(projects[^1].Code)}"
                : null;
            var label = Labels.Programme(programme);
            return pages.Page("Regions/RegionProjectsPage", new ProjectListModel(region, label, projects, next), $"{region.ShortName}{label}");
        }).CachedAs(PageCache.List);

        return routes;
    }
}
