using LinkagePortal.Rendering;

namespace LinkagePortal.Search;

/// <summary><c>/search?q=</c>: projects, villages, townships, counties and documents by name or code.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/search", async (string? q, Db db, PageRenderer pages, TimeProvider clock) =>
        {
            var outcome = await SearchPage.RunAsync(db, q ?? "", clock.GetUtcNow().UtcDateTime);
            return outcome.RedirectTo is { } target
                ? Results.Redirect(target)
                : pages.Page("Search/SearchPage", outcome.Results!, outcome.Results!.HasQuery ? $"搜索：{outcome.Results.Query}" : "搜索");
        }).CachedAs(PageCache.Search);
        return routes;
    }
}
