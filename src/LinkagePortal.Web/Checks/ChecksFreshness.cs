using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace LinkagePortal.Checks;

/// <summary>
/// ETag and Last-Modified for /api/v1/checks, like the open-data kit's freshness filter but keyed on what the findings
/// were built from (<see cref="CheckResults.Stamp"/>): the kit's validators follow imports and embargo boundaries only,
/// and the complaint figures also move with every recorded complaint and with the date.
/// </summary>
public static class ChecksFreshness
{
    public static TBuilder WithChecksFreshness<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var results = http.RequestServices.GetRequiredService<CheckResults>();
            await results.EnsureCurrentAsync(http.RequestAborted);
            var identity = $"{results.Stamp}|{http.Request.Host}|{http.Request.PathBase}{http.Request.Path}|{http.Request.QueryString}";
            var etag = $"\"checks-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..24]}\"";
            var built = results.BuiltAt ?? DateTime.UnixEpoch;
            var lastModified = new DateTimeOffset(built.AddTicks(-(built.Ticks % TimeSpan.TicksPerSecond)), TimeSpan.Zero);
            http.Response.Headers.CacheControl = "no-cache";
            if (IsNotModified(http.Request, etag, lastModified))
            {
                SetValidators(http.Response, etag, lastModified);
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode is >= 200 and < 300)
                {
                    SetValidators(http.Response, etag, lastModified);
                }

                return Task.CompletedTask;
            });
            return await next(context);
        });

    static void SetValidators(HttpResponse response, string etag, DateTimeOffset lastModified)
    {
        response.Headers.ETag = etag;
        response.Headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
    }

    static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
        }

        return request.Headers.IfModifiedSince.Count == 1
            && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && lastModified <= since;
    }
}
