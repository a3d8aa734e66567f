using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace LinkagePortal.Api;

/// <summary>
/// ETag and Last-Modified for open-data responses. What a response shows changes when the data version moves (an
/// import) or when an embargoed record's publication time passes; both go into the validators, so a client's cached
/// copy is never taken as current after a record has appeared.
/// </summary>
public sealed class Freshness(EmbargoBoundary embargo, DataVersion dataVersion)
{
    public sealed record Validators(string ETag, DateTimeOffset LastModified);

    /// <summary>The time the public data last changed: an import, or an embargo lifting, whichever is later.</summary>
    public async Task<DateTimeOffset> LastChangedAsync(CancellationToken cancellationToken = default)
    {
        var state = await embargo.CurrentAsync(cancellationToken);
        var changed = state.Passed is { } passed && passed > dataVersion.ChangedAt ? passed : dataVersion.ChangedAt;
        var utc = DateTime.SpecifyKind(changed, DateTimeKind.Utc);
        return new DateTimeOffset(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)));
    }

    public async Task<Validators> ForAsync(HttpRequest request)
    {
        var lastModified = await LastChangedAsync(request.HttpContext.RequestAborted);
        var identity = string.Create(CultureInfo.InvariantCulture,
            $"{dataVersion.Version}|{lastModified.UtcTicks}|{request.Host}|{request.PathBase}{request.Path}|{ApiQueryString(request)}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..24];
        return new Validators($"\"{dataVersion.Version}-{hash}\"", lastModified);
    }

    /// <summary>The query string less the parameters the API ignores (tracking, cache-busters): they change no response.</summary>
    static string ApiQueryString(HttpRequest request) =>
        QueryString.Create(request.Query.Where(q => !ApiQuery.IsIgnored(q.Key))).ToString();
}

public static class FreshnessFilter
{
    /// <summary>When the data an API response shows last changed (an import or an embargo lifting), Beijing time.</summary>
    public const string DataAsOfHeader = "Data-As-Of";

    /// <summary>
    /// Adds ETag and Last-Modified to successful responses and answers a matching If-None-Match (or, without it,
    /// If-Modified-Since) with 304 before any query runs. Responses may be stored but are revalidated each time.
    /// </summary>
    public static TBuilder WithFreshness<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var validators = await http.RequestServices.GetRequiredService<Freshness>().ForAsync(http.Request);
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers[DataAsOfHeader] = validators.LastModified.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);
            if (IsNotModified(http.Request, validators))
            {
                SetValidators(http.Response, validators);
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode is >= 200 and < 300)
                {
                    SetValidators(http.Response, validators);
                }

                return Task.CompletedTask;
            });
            return await next(context);
        });

    static void SetValidators(HttpResponse response, Freshness.Validators validators)
    {
        response.Headers.ETag = validators.ETag;
        response.Headers.LastModified = validators.LastModified.ToString("R", CultureInfo.InvariantCulture);
    }

    static bool IsNotModified(HttpRequest request, Freshness.Validators validators)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(validators.ETag), useStrongComparison: false));
        }

        return request.Headers.IfModifiedSince.Count == 1
            && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && validators.LastModified <= since;
    }
}
