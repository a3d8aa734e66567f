using LinkagePortal.Rendering;

namespace LinkagePortal.Search;

/// <summary><c>/search?q=</c>: projects, villages, townships, counties and documents by name or code.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/search", async (string? q, string? page, Db db, PageRenderer pages, TimeProvider clock) =>
        {
            var number = 1;
            if (page is not null && (!int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) || number < 1))
            {
                return pages.Page("Rendering/ErrorPage", new ErrorPages.ErrorModel("请求有误（400）",
                    $"参数 page 是结果的页码，从 1 起的整数，收到的是“{page}”。"), "请求有误", StatusCodes.Status400BadRequest);
            }

            var outcome = await SearchPage.RunAsync(db, q ?? "", number, clock.GetUtcNow().UtcDateTime);
            return outcome.RedirectTo is { } target
                ? Results.Redirect(target)
                : pages.Page("Search/SearchPage", outcome.Results!, outcome.Results!.HasQuery ? $"搜索：{outcome.Results.Query}" : "搜索");
        }).CachedAs(PageCache.Search);
        return routes;
    }
}
