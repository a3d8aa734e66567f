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
        var group = routes.MapRecordPages("/announcements",
            new ListPage<AnnouncementPages.ListModel>("Announcements/AnnouncementListPage", "公告公示",
                request => AnnouncementPages.LoadListAsync(request.Db, request.Now)),
            new RecordPage<AnnouncementPages.Model>("Announcements/AnnouncementPage", "公告公示",
                (request, id) => AnnouncementPages.LoadAsync(request.Db, id, request.Now, request.PublicBaseUrl),
                model => model.Announcement.Title));

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
