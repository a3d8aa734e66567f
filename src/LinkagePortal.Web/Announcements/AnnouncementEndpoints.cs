using LinkagePortal.Rendering;

namespace LinkagePortal.Announcements;

/// <summary><c>/announcements</c> and <c>/announcements/{id}</c> (the Atom feed is the open-data area's).</summary>
public static class AnnouncementEndpoints
{
    public static IEndpointRouteBuilder MapAnnouncementPages(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/announcements").CachedAs(PageCache.Page);

        group.MapGet("", async (Db db, PageRenderer pages, TimeProvider clock) =>
            pages.Page("Announcements/AnnouncementListPage", await AnnouncementPages.LoadListAsync(db, clock.GetUtcNow().UtcDateTime), "公告公示"));

        group.MapGet("/{id}", async (string id, Db db, PageRenderer pages, TimeProvider clock) =>
        {
            var model = await AnnouncementPages.LoadAsync(db, id, clock.GetUtcNow().UtcDateTime);
            return model is null
                ? ErrorPages.NotFound(pages, $"没有编号为“{id}”的公告公示。")
                : pages.Page("Announcements/AnnouncementPage", model, model.Announcement.Title);
        });

        return routes;
    }
}
