using LinkagePortal.Api;

namespace LinkagePortal.Changes;

/// <summary>
/// Every change on the record: the changes feed (<c>/api/v1/changes</c>, its CSV, <c>/changes.atom</c>) and each
/// record's history (<c>/api/v1/{records}/{id}/versions</c>). GET-only, open to any origin, with ETag and Last-Modified
/// like the rest of the open data.
/// </summary>
public static class ChangesEndpoints
{
    public static IEndpointRouteBuilder MapChanges(this IEndpointRouteBuilder routes)
    {
        ChangesApi.Map(routes.MapGroup(ApiRoutes.Prefix).RequireCors(ApiRoutes.CorsPolicy).WithFreshness());
        ChangesFeed.Map(routes, ApiRoutes.CorsPolicy);
        return routes;
    }
}
