using LinkagePortal.Rendering;

namespace LinkagePortal.About;

/// <summary><c>/about</c> and <c>/about/{slug}</c>.</summary>
public static class AboutEndpoints
{
    public static IEndpointRouteBuilder MapAbout(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/about").CachedAs(PageCache.Page);
        group.MapGet("", (PortalPaths paths, PageRenderer pages) => Show(paths, pages, AboutPages.IndexSlug));
        group.MapGet("/{slug}", (string slug, PortalPaths paths, PageRenderer pages) => Show(paths, pages, slug));
        return routes;
    }

    static IResult Show(PortalPaths paths, PageRenderer pages, string slug) =>
        AboutPages.Load(paths, slug) is { } model ? pages.Page("About/AboutPage", model, model.Title) : ErrorPages.NotFound(pages, $"没有名为“{slug}”的说明页。");
}
