using LinkagePortal.Api;
using LinkagePortal.Hosting;

namespace LinkagePortal.OpenData;

/// <summary>
/// The open-data area: the /api/v1 JSON and CSV resources, the OpenAPI document, the dataset catalog and data
/// dictionary, the Atom feed of announcements, and the bulk download of everything (built in the background). Everything here is GET-only, open to any origin (CORS), carries
/// ETag and Last-Modified, and is not held in the output cache (exports stream; freshness is checked per request).
/// </summary>
public static class OpenDataEndpoints
{
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddSingleton<Freshness>();
        services.AddApiDocument();
        services.AddBackgroundWork<BulkDownloads>("bulk-downloads");
        services.AddHostedService(sp => sp.GetRequiredService<BulkDownloads>());
        services.AddCors(cors => cors.AddPolicy(ApiRoutes.CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .AllowAnyHeader()
            .WithExposedHeaders("ETag", "Last-Modified", "Link", "Content-Disposition")));
        return services;
    }

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(ApiRoutes.Prefix).RequireCors(ApiRoutes.CorsPolicy).WithFreshness();
        RegionsApi.Map(api);
        DocumentsApi.Map(api);
        AllocationsApi.Map(api);
        ProjectsApi.Map(api);
        AnnouncementsApi.Map(api);
        PerformanceTargetsApi.Map(api);
        ContactsApi.Map(api);
        OpenApiDocument.Map(api);

        CatalogEndpoints.Map(routes, ApiRoutes.CorsPolicy);
        AnnouncementsFeed.Map(routes, ApiRoutes.CorsPolicy);
        BulkDownloads.Map(routes, ApiRoutes.CorsPolicy);
        return routes;
    }
}
