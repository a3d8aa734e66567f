using LinkagePortal.Api;
using LinkagePortal.Hosting;
using LinkagePortal.Rendering;

namespace LinkagePortal.Checks;

/// <summary>
/// The accountability checks: <c>/checks</c> (what each check does, its rules and every county's findings) and
/// <c>/api/v1/checks</c> (+ <c>.csv</c>). Findings are stored and rebuilt in the background (<see cref="CheckResults"/>);
/// a county's page reads its own through <see cref="CountyChecks.ForCountyAsync"/>.
/// </summary>
public static class ChecksEndpoints
{
    public static IServiceCollection AddChecks(this IServiceCollection services)
    {
        services.AddBackgroundWork<CheckResults>("checks");
        services.AddSingleton<CountyChecks>();
        services.AddSingleton<CountyAccountability>(sp => async (code, cancellation) =>
            await sp.GetRequiredService<CountyChecks>().LatestForCountyAsync(code, cancellation) is { HasFindings: true } view ? view : null);
        services.AddHostedService<ChecksRefresher>();
        return services;
    }

    public static IEndpointRouteBuilder MapChecks(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/checks", async (HttpContext http, CountyChecks checks, PageRenderer pages, CancellationToken cancellation) =>
            {
                PageCache.AlsoTag(http, PageCache.ChecksTag);
                return pages.Page("Checks/ChecksPage", await checks.PageAsync(cancellation), "问责核查");
            })
            .CachedAs(PageCache.Page);

        // Like every /api/v1 list: not output-cached (exports stream), validators checked per request.
        var api = routes.MapGroup(ApiRoutes.Prefix).RequireCors(ApiRoutes.CorsPolicy).WithChecksFreshness();
        ChecksApi.Map(api);
        return routes;
    }
}
