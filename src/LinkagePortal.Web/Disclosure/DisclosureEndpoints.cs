using LinkagePortal.Api;
using LinkagePortal.Rendering;
using Microsoft.AspNetCore.OutputCaching;

namespace LinkagePortal.Disclosure;

/// <summary>
/// The timeliness audit: <c>/disclosure</c> (page), <c>/api/v1/disclosure</c> (JSON), <c>/api/v1/disclosure.csv</c>
/// (figures per area) and <c>/api/v1/disclosure/items.csv</c> (the late and overdue records). All four read the one
/// <see cref="TimelinessReport"/>, so they cannot disagree.
/// </summary>
public static class DisclosureEndpoints
{
    const string ApiCachePolicy = "disclosure-api";

    /// <summary>
    /// Services: the holiday calendar and the deadline rules from content/data (read once, at start-up, so a bad file
    /// stops the site with its file and line), the options, the audit, and the embargo boundary for every cached response.
    /// </summary>
    public static IServiceCollection AddDisclosure(this IServiceCollection services, PortalPaths paths)
    {
        services.AddSingleton(sp => DisclosureOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(_ => HolidayCalendar.Load(Path.Combine(paths.Data, HolidayCalendar.FileName)));
        services.AddSingleton(_ => DeadlineRules.Load(Path.Combine(paths.Data, DeadlineRules.FileName)));
        services.AddSingleton<DeadlineCalculator>();
        services.AddSingleton<EmbargoBoundary>();
        services.AddSingleton<TimelinessAudit>();
        services.AddHostedService<TimelinessRefresh>();
        services.AddSingleton<RegionTimeliness>(sp => async (code, name, cancellation) =>
            DisclosureViews.SummaryOf(await sp.GetRequiredService<TimelinessAudit>().ReportAsync(cancellation), code, name));
        services.Configure<OutputCacheOptions>(o => o.AddBasePolicy(new EmbargoCachePolicy()));
        // The page cache's hook: no cached page or response is kept past the next embargo boundary.
        services.AddSingleton<NextScheduledChange>(sp => async (_, cancellation) =>
            await sp.GetRequiredService<EmbargoBoundary>().CurrentAsync(cancellation) is { Next: { } next } ? new DateTimeOffset(next, TimeSpan.Zero) : null);
        // The API answers any unknown parameter with a 400 (never stored), so it may vary by every query key.
        services.AddCachePolicy(ApiCachePolicy, "*");
        return services;
    }

    public static IEndpointRouteBuilder MapDisclosure(this IEndpointRouteBuilder routes)
    {
        // Resolve the file-backed services now: a missing or malformed calendar or rules file is a start-up error.
        routes.ServiceProvider.GetRequiredService<DisclosureOptions>();
        routes.ServiceProvider.GetRequiredService<HolidayCalendar>();
        routes.ServiceProvider.GetRequiredService<DeadlineRules>();

        routes.MapGet("/disclosure", async (HttpContext http, TimelinessAudit audit, PageRenderer pages) =>
                pages.Page("Disclosure/DisclosurePage", DisclosureViews.Page(await audit.ReportAsync(http)), "公开时限核查"))
            .CachedAs(PageCache.Page);

        // The API follows the /api/v1 conventions: documented parameters only (anything else is a 400 naming it), CORS
        // open for GET, described in the OpenAPI document by the ApiOperation each carries.
        routes.MapGet(ApiRoutes.Prefix + "/disclosure", async (HttpContext http, TimelinessAudit audit) => ApiQuery.Parse(http) is { IsValid: false } query
                ? ApiProblems.BadRequest(query)
                : Results.Json(Json(await audit.ReportAsync(http))))
            .WithMetadata(new ApiOperation("公开时限核查",
                "按各地区统计的公开时限核查结果（按时、逾期、逾期未公开、未到期、无法判断），逾期和逾期未公开的记录，资金下达与细化期限的核查，以及期限规则及其出处。"
                + "逾期未公开的记录尚未公开，只给类别、地区和应公开日期。", ResponseShape.Item, []))
            .RequireCors(ApiRoutes.CorsPolicy)
            .CachedAs(ApiCachePolicy);

        routes.MapGet(ApiRoutes.Prefix + "/disclosure.csv", (HttpContext http, TimelinessAudit audit) =>
                Csv(http, audit, r => DisclosureCsv.Write(DisclosureCsv.Areas(r), DisclosureCsv.AreaFields, Bom(http), Excel(http), "disclosure.csv")))
            .RequireCors(ApiRoutes.CorsPolicy)
            .WithMetadata(new ApiOperation("公开时限核查：各地区统计",
                "每个区划一行：全区合计、各地（州、市）（含自治区本级）、各县（市、区）（含各地本级）。列：" + string.Join(",", DisclosureCsv.AreaFields.Select(f => f.Name)),
                ResponseShape.Csv, [ApiParam.Bom, ApiParam.Excel]))
            .CachedAs(ApiCachePolicy);

        routes.MapGet(ApiRoutes.Prefix + "/disclosure/items.csv", (HttpContext http, TimelinessAudit audit) =>
                Csv(http, audit, r => DisclosureCsv.Write(DisclosureCsv.Items(r), DisclosureCsv.ItemFields, Bom(http), Excel(http), "disclosure-items.csv")))
            .WithMetadata(new ApiOperation("公开时限核查：逾期明细",
                "逾期公开和逾期未公开的记录，一条一行；逾期未公开的记录不给名称和地址。列：" + string.Join(",", DisclosureCsv.ItemFields.Select(f => f.Name)),
                ResponseShape.Csv, [ApiParam.Bom, ApiParam.Excel]))
            .RequireCors(ApiRoutes.CorsPolicy)
            .CachedAs(ApiCachePolicy);

        return routes;
    }

    static async Task<IResult> Csv(HttpContext http, TimelinessAudit audit, Func<TimelinessReport, IResult> write) =>
        ApiQuery.Parse(http) is { IsValid: false } query ? ApiProblems.BadRequest(query) : write(await audit.ReportAsync(http));

    static bool Bom(HttpContext http) => http.Request.Query["bom"] != "false";

    static bool Excel(HttpContext http) => http.Request.Query["excel"] == "true";

    static object Json(TimelinessReport r) => new
    {
        asOf = r.AsOf,
        dayCount = DisclosureCsv.DayCountCode(r.DayCount),
        publicationDays = r.PublicationDays,
        rules = r.Rules,
        note = "“cannot-tell” (无法判断) means the source does not state a date needed to judge: most curated records do not print when their "
            + "information arose or when they were published. Overdue records are not public yet and are listed without title or address.",
        region = r.Region,
        prefectures = r.Prefectures,
        counties = r.Counties,
        late = r.Late,
        overdue = r.Overdue,
        chains = r.Chains.Select(c => new { rule = c.Rule.Id, counts = c.Counts, items = c.Items }),
    };
}
