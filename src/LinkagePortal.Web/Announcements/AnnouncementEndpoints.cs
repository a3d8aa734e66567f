using LinkagePortal.Hosting;
using LinkagePortal.Rendering;

namespace LinkagePortal.Announcements;

/// <summary>
/// <c>/announcements</c>, <c>/announcements/{id}</c> (printable on A4 for a notice board) and
/// <c>/announcements/{id}/qr.svg</c>, the QR code printed on it that opens the live notice (the Atom feed is the
/// open-data area's).
/// </summary>
public static class AnnouncementEndpoints
{
    public static IEndpointRouteBuilder MapAnnouncementPages(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/announcements").CachedAs(PageCache.Page);

        group.MapGet("", async (Db db, PageRenderer pages, TimeProvider clock) =>
            pages.Page("Announcements/AnnouncementListPage", await AnnouncementPages.LoadListAsync(db, clock.GetUtcNow().UtcDateTime), "公告公示"));

        group.MapGet("/{id}", async (string id, Db db, PageRenderer pages, TimeProvider clock, PublicBaseUrl baseUrl) =>
        {
            var model = await AnnouncementPages.LoadAsync(db, id, clock.GetUtcNow().UtcDateTime, baseUrl.Value);
            return model is null
                ? ErrorPages.NotFound(pages, $"没有编号为“{id}”的公告公示。")
                : pages.Page("Announcements/AnnouncementPage", model, model.Announcement.Title);
        });

        group.MapGet("/{id}/qr.svg", async (string id, HttpContext http, Db db, TimeProvider clock, PublicBaseUrl baseUrl) =>
        {
            await using var connection = await db.OpenAsync();
            return await AnnouncementRecords.ByIdAsync(connection, id, clock.GetUtcNow().UtcDateTime) is null
                ? Results.NotFound()
                : QrCode.Image(http, AnnouncementPages.AddressOf(baseUrl.Value, id));
        });

        return routes;
    }
}
