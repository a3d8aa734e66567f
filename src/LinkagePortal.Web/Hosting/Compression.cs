using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace LinkagePortal.Hosting;

/// <summary>
/// Brotli and gzip for pages, JSON, CSV, feeds and SVG, by the framework's response compression. The middleware sits
/// inside the output cache, so a cached page is compressed once and stored compressed: the cache varies by the
/// encoding <see cref="Negotiated"/> picks, the same one the middleware will pick (highest q, Brotli before gzip on a tie).
/// </summary>
public static class Compression
{
    /// <summary>Encodings in the middleware's order of preference.</summary>
    static readonly string[] Encodings = ["br", "gzip"];

    public static IServiceCollection AddPortalCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["text/csv", "application/problem+json", "application/ld+json", "application/atom+xml", "application/schema+json"]);
        });
        // Compressed once per cached page, so a better ratio is worth the few milliseconds more than Fastest.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>The content coding the response will have for this request's Accept-Encoding ("identity" for none).</summary>
    public static string Negotiated(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted))
        {
            return "identity";
        }

        var best = Encodings
            .Select((name, order) => (Name: name, Order: order, Quality: accepted
                .Where(a => a.Value.Equals(name, StringComparison.OrdinalIgnoreCase) || a.Value.Equals("*", StringComparison.Ordinal))
                .Select(a => a.Quality ?? 1)
                .DefaultIfEmpty(0)
                .Max()))
            .Where(e => e.Quality > 0)
            .OrderByDescending(e => e.Quality).ThenBy(e => e.Order)
            .FirstOrDefault();
        return best.Name ?? "identity";
    }
}
