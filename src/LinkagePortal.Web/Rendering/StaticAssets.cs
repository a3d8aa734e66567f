using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace LinkagePortal.Rendering;

/// <summary>
/// Fingerprinted addresses of the web root's files: the layout links <c>/css/site.css?v=HASH</c> (the first 12 hex
/// digits of the file's SHA-256), and a request that names the current hash is answered with
/// <c>Cache-Control: public, max-age=31536000, immutable</c>, so browsers and proxies keep it a year and a new build's
/// file, having a new address, is fetched at once. Without the current hash (an old page, a hand-typed address) the
/// file is cached for a short while only. Hashes are taken once per file, at its first use.
/// </summary>
public sealed class StaticAssets(string webRoot)
{
    public const string Forever = "public, max-age=31536000, immutable";
    public const string Briefly = "public, max-age=300";

    readonly ConcurrentDictionary<string, string?> hashes = new();

    /// <summary>No web root: addresses as given (the template tests render without one).</summary>
    public static StaticAssets None { get; } = new("");

    /// <summary><c>/css/site.css</c> → <c>/css/site.css?v=3f2a…</c>; a file that is not there keeps its plain address.</summary>
    public string Url(string path) => Hash(path) is { } hash ? $"{path}?v={hash}" : path;

    public void OnPrepareResponse(StaticFileResponseContext context)
    {
        var request = context.Context.Request;
        var current = Hash(request.Path.Value ?? "");
        context.Context.Response.Headers.CacheControl =
            current is not null && request.Query["v"] is { Count: 1 } v && v[0] == current ? Forever : Briefly;
    }

    string? Hash(string path) => webRoot.Length == 0 ? null : hashes.GetOrAdd(path, p =>
    {
        var file = Path.GetFullPath(Path.Combine(webRoot, p.TrimStart('/')));
        if (!file.StartsWith(Path.GetFullPath(webRoot), StringComparison.Ordinal) || !File.Exists(file))
        {
            return null;
        }

        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
    });
}
