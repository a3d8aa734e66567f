using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Records;
using LinkagePortal.Rendering;

namespace LinkagePortal.Hotline;

/// <summary>
/// The QR code printed beside a project's code on its page and on the announcement posted in the village: it opens the
/// project's page, with the version printed (<c>?v=N</c>, from the image's own address) so that the page can say whether
/// the project changed since the notice was printed. Drawn by <see cref="QrCode"/>.
/// </summary>
public static class ProjectQrCode
{
    const string ListedProject = $"SELECT p.id FROM projects p WHERE p.id = @id AND {Public.Projects}";

    /// <summary>The project page's address, absolute, from <c>Portal:PublicBaseUrl</c> (never the request's Host).</summary>
    public static string ProjectUrl(HttpRequest request, long id, long? version = null) =>
        $"{Hosting.PublicBaseUrl.Of(request)}/projects/{id}" + (version is { } v ? $"?v={v}" : "");

    public static IEndpointRouteBuilder MapProjectQrCode(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/projects/{id:long}/qr.svg", async (long id, long? v, HttpContext http, Db db, TimeProvider clock) =>
        {
            await using var connection = await db.OpenAsync();
            var listed = await connection.QuerySingleOrDefaultAsync<long?>(ListedProject, new { id, now = clock.GetUtcNow().UtcDateTime });
            if (listed is null)
            {
                return Results.NotFound();
            }

            return QrCode.Image(http, ProjectUrl(http.Request, id, v is > 0 ? v : null));
        });
        return routes;
    }
}
