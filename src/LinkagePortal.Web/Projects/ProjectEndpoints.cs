using LinkagePortal.Rendering;

namespace LinkagePortal.Projects;

/// <summary>
/// <c>/projects/{id}</c>; the public code printed on notices (654202-2024-001) redirects to it. The QR code of a
/// printed notice adds <c>?v=N</c>, the version printed: the page then says whether the project changed since.
/// </summary>
public static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/projects/{key}", async (string key, string? v, HttpContext http, Db db, PageRenderer pages, TimeProvider clock) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (!long.TryParse(key, System.Globalization.NumberStyles.None, null, out var id))
            {
                return await ProjectPage.IdByCodeAsync(db, key.ToUpperInvariant(), now) is { } found
                    ? Results.Redirect($"/projects/{found}")
                    : ErrorPages.NotFound(pages, $"没有编号或项目代码为“{key}”的项目。项目代码印在公告公示上，形如 654202-2024-001。");
            }

            PageCache.AlsoTag(http, PageCache.ProjectTag(id));
            var model = await ProjectPage.LoadAsync(db, id, now,
                long.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var printed) ? printed : null);
            if (model is not null)
            {
                PageCache.ShowsCounty(http, model.Project.CountyCode);
            }

            return model is null
                ? ErrorPages.NotFound(pages, $"没有编号为 {key} 的项目。")
                : pages.Page("Projects/ProjectPage", model, $"{model.Project.Name}（{model.Project.Code}）");
        }).CachedAs(PageCache.Versioned);
        return routes;
    }
}
