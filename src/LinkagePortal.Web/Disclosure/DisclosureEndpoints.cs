using LinkagePortal.Data;
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
        services.Configure<OutputCacheOptions>(o => o.AddBasePolicy(new EmbargoCachePolicy()));
        return services;
    }

    public static IEndpointRouteBuilder MapDisclosure(this IEndpointRouteBuilder routes)
    {
        // Resolve the file-backed services now: a missing or malformed calendar or rules file is a start-up error.
        routes.ServiceProvider.GetRequiredService<DisclosureOptions>();
        routes.ServiceProvider.GetRequiredService<HolidayCalendar>();
        routes.ServiceProvider.GetRequiredService<DeadlineRules>();

        routes.MapGet("/disclosure", async (TimelinessAudit audit, PageRenderer pages, CancellationToken cancellation) =>
                pages.Page("Disclosure/DisclosurePage", DisclosureViews.Page(await audit.ReportAsync(cancellation)), "公开时限核查"))
            .CacheOutput(p => Cached(p));

        routes.MapGet("/api/v1/disclosure", async (TimelinessAudit audit, CancellationToken cancellation) => Results.Json(Json(await audit.ReportAsync(cancellation))))
            .CacheOutput(p => Cached(p));

        routes.MapGet("/api/v1/disclosure.csv", async (TimelinessAudit audit, HttpRequest request, CancellationToken cancellation) =>
                Bom(request) is { } bom
                    ? DisclosureCsv.Result(DisclosureCsv.Areas(await audit.ReportAsync(cancellation)), bom, "disclosure.csv")
                    : BadBom(request))
            .CacheOutput(p => Cached(p, "bom"));

        routes.MapGet("/api/v1/disclosure/items.csv", async (TimelinessAudit audit, HttpRequest request, CancellationToken cancellation) =>
                Bom(request) is { } bom
                    ? DisclosureCsv.Result(DisclosureCsv.Items(await audit.ReportAsync(cancellation)), bom, "disclosure-items.csv")
                    : BadBom(request))
            .CacheOutput(p => Cached(p, "bom"));

        return routes;
    }

    /// <summary>Cached until the data changes (tag) and, through the base policy, never across an embargo boundary; only the named query keys vary it.</summary>
    static void Cached(OutputCachePolicyBuilder policy, params string[] queryKeys) =>
        policy.Tag(DataVersion.CacheTag).SetVaryByQuery(queryKeys.Length == 0 ? ["-"] : queryKeys);

    /// <summary><c>bom</c> is true (default) or false; anything else is refused by name.</summary>
    static bool? Bom(HttpRequest request) => request.Query["bom"].ToString() switch
    {
        "" or "true" => true,
        "false" => false,
        _ => null,
    };

    static IResult BadBom(HttpRequest request) => Results.Problem(
        title: "Invalid parameter: bom",
        detail: $"bom is '{request.Query["bom"]}'; it must be true (a UTF-8 byte-order mark first, the default) or false.",
        statusCode: StatusCodes.Status400BadRequest);

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
