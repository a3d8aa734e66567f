using System.Text.Json;
using System.Text.Json.Nodes;
using LinkagePortal.Api;
using LinkagePortal.Hosting;
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
        services.AddBackgroundWork<TimelinessAudit>("timeliness-report");
        services.AddHostedService<TimelinessRefresh>();
        services.AddSingleton<RegionTimeliness>(sp => async (http, code, name) =>
        {
            if (await sp.GetRequiredService<TimelinessAudit>().LatestReportAsync(http.RequestAborted) is { } report)
            {
                return DisclosureViews.SummaryOf(report, code, name);
            }

            PageCache.DoNotStore(http);
            return DisclosureViews.Computing(code, name);
        });
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
                pages.Page("Disclosure/DisclosurePage", DisclosureViews.Page(await audit.ClocksAsync(http)), "公开时限核查"))
            .CachedAs(PageCache.Page);

        // The API follows the /api/v1 conventions: documented parameters only (anything else is a 400 naming it), CORS
        // open for GET, described in the OpenAPI document by the ApiOperation each carries.
        routes.MapGet(ApiRoutes.Prefix + "/disclosure", async (HttpContext http, TimelinessAudit audit) => ApiQuery.Parse(http) is { IsValid: false } query
                ? ApiProblems.BadRequest(query)
                : Results.Json(Json(await audit.ClocksAsync(http), http.RequestServices.GetRequiredService<DisclosureOptions>().DayCount)))
            .WithMetadata(new ApiOperation("公开时限核查",
                "按两种口径（20日自然日，伽师县所述做法；20个工作日，《政府信息公开条例》第二十六条）分别统计的各地区公开时限核查结果（按时、逾期、逾期未公开、未到期、无法判断），无法判断的原因，逾期和逾期未公开的记录，资金下达与细化期限的核查，以及期限规则及其出处。"
                + "逾期未公开的记录尚未公开，只给类别、地区和应公开日期。", ResponseShape.Item, []))
            .RequireCors(ApiRoutes.CorsPolicy)
            .CachedAs(ApiCachePolicy);

        routes.MapGet(ApiRoutes.Prefix + "/disclosure.csv", (HttpContext http, TimelinessAudit audit) =>
                Csv(http, audit, r => DisclosureCsv.Write(r.Both.SelectMany(DisclosureCsv.Areas), DisclosureCsv.AreaFields, Bom(http), Excel(http), "disclosure.csv")))
            .RequireCors(ApiRoutes.CorsPolicy)
            .WithMetadata(new ApiOperation("公开时限核查：各地区统计",
                "每种口径（dayCount：calendar 自然日，working 工作日）下每个区划一行：全区合计、各地（州、市）（含自治区本级）、各县（市、区）（含各地本级）。列：" + string.Join(",", DisclosureCsv.AreaFields.Select(f => f.Name)),
                ResponseShape.Csv, [ApiParam.Bom, ApiParam.Excel]))
            .CachedAs(ApiCachePolicy);

        routes.MapGet(ApiRoutes.Prefix + "/disclosure/items.csv", (HttpContext http, TimelinessAudit audit) =>
                Csv(http, audit, r => DisclosureCsv.Write(r.Both.SelectMany(DisclosureCsv.Items), DisclosureCsv.ItemFields, Bom(http), Excel(http), "disclosure-items.csv")))
            .WithMetadata(new ApiOperation("公开时限核查：逾期明细",
                "每种口径（dayCount）下逾期公开和逾期未公开的记录，一条一行；逾期未公开的记录不给名称和地址。列：" + string.Join(",", DisclosureCsv.ItemFields.Select(f => f.Name)),
                ResponseShape.Csv, [ApiParam.Bom, ApiParam.Excel]))
            .RequireCors(ApiRoutes.CorsPolicy)
            .CachedAs(ApiCachePolicy);

        return routes;
    }

    static async Task<IResult> Csv(HttpContext http, TimelinessAudit audit, Func<DisclosureClocks, IResult> write) =>
        ApiQuery.Parse(http) is { IsValid: false } query ? ApiProblems.BadRequest(query) : write(await audit.ClocksAsync(http));

    static bool Bom(HttpContext http) => http.Request.Query["bom"] != "false";

    static bool Excel(HttpContext http) => http.Request.Query["excel"] == "true";

    /// <summary>
    /// The configured clock's report at the top level (as before both were computed), and both clocks side by side
    /// under <c>clocks</c>, each naming its rule.
    /// </summary>
    static JsonObject Json(DisclosureClocks clocks, DayCount configured)
    {
        var json = Clock(clocks.Of(configured));
        json["asOf"] = JsonSerializer.SerializeToNode(clocks.Calendar.AsOf, JsonSerializerOptions.Web);
        json["rules"] = JsonSerializer.SerializeToNode(clocks.Calendar.Rules, JsonSerializerOptions.Web);
        json["note"] = "Every record is judged on two clocks (under clocks): 20 calendar days (伽师县's practice) and 20 working days "
            + "(《政府信息公开条例》第二十六条), each with its rule; the top-level figures are those of Disclosure:DayCount. “cannot-tell” (无法判断) "
            + "means the source does not state a date needed to judge; cannotTellReasons says which. Overdue records are not public yet and are "
            + "listed without title or address.";
        json["clocks"] = new JsonArray([.. clocks.Both.Select(c => (JsonNode)Clock(c))]);
        return json;
    }

    static JsonObject Clock(TimelinessReport r) => JsonSerializer.SerializeToNode(new
    {
        dayCount = DisclosureCsv.DayCountCode(r.DayCount),
        publicationDays = r.PublicationDays,
        rule = r.PublicationRule.Id,
        cannotTellReasons = r.CannotTellReasons,
        region = r.Region,
        prefectures = r.Prefectures,
        counties = r.Counties,
        late = r.Late,
        overdue = r.Overdue,
        chains = r.Chains.Select(c => new { rule = c.Rule.Id, counts = c.Counts, items = c.Items }),
    }, JsonSerializerOptions.Web)!.AsObject();
}
