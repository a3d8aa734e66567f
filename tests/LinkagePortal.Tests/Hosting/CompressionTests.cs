using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using LinkagePortal.Tests.Disclosure;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hosting;

/// <summary>
/// Pages, JSON and CSV come Brotli- or gzip-compressed when the client asks, byte for byte the plain response once
/// decompressed; cached pages are kept compressed (served from the cache in the encoding asked for); HEAD and 304
/// still work; a CDN is never told to keep a page past the next embargo boundary.
/// </summary>
public sealed class CompressionTests : IClassFixture<PortalFactory>
{
    readonly PortalFactory portal;

    public CompressionTests(PortalFactory portal) => this.portal = portal;

    static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? encoding, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        return await client.SendAsync(request);
    }

    static byte[] Decompress(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("/regions/654202", "br")]
    [InlineData("/regions/654202", "gzip")]
    [InlineData("/api/v1/projects?region=654202&programme=all", "br")]
    [InlineData("/api/v1/projects.csv?region=654202", "gzip")]
    [InlineData("/api/v1/regions.csv", "br")]
    public async Task A_response_asked_for_compressed_comes_compressed_and_decompresses_to_the_plain_bytes(string url, string encoding)
    {
        var client = portal.CreateClient();
        var plain = await GetAsync(client, url, null);
        var compressed = await GetAsync(client, url, encoding);

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        var compressedBytes = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(compressedBytes.Length < plainBytes.Length / 2, $"{compressedBytes.Length} of {plainBytes.Length} bytes");
        Assert.Equal(plainBytes, Decompress(encoding, compressedBytes));
    }

    [Fact]
    public async Task A_cached_page_is_served_from_the_cache_in_each_encoding_with_its_304_and_head()
    {
        var client = portal.CreateClient();
        var plain = await GetAsync(client, "/regions/6542", null);
        var first = await GetAsync(client, "/regions/6542", "br");
        var again = await GetAsync(client, "/regions/6542", "br");
        var gzip = await GetAsync(client, "/regions/6542", "gzip");

        Assert.NotNull(again.Headers.Age);
        Assert.Equal(["br"], again.Content.Headers.ContentEncoding);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), Decompress("gzip", await gzip.Content.ReadAsByteArrayAsync()));
        Assert.True(first.Headers.ETag!.IsWeak);
        Assert.Equal(plain.Headers.ETag, first.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/regions/6542");
        conditional.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var head = await GetAsync(client, "/regions/6542", "br", HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(["br"], head.Content.Headers.ContentEncoding);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_cdn_is_not_told_to_keep_a_page_past_the_next_embargo_boundary()
    {
        var boundary = new DateTimeOffset(2026, 6, 1, 13, 0, 0, TimeSpan.FromHours(8));
        using var clocked = new ClockedPortalFactory();
        TestRecords.Import(clocked, TestRecords.Documents(("t11-cdn-source", "边界缓存测试来源文件", "乌苏市财政局", "2026-05-20", "2026-06-01T13:00:00+08:00")));
        var client = clocked.CreateClient();

        clocked.Clock.Set(boundary.AddSeconds(-20));
        var near = (await client.GetAsync("/regions/654202")).Headers.CacheControl!;
        clocked.Clock.Set(boundary.AddMinutes(5));
        var after = (await client.GetAsync("/regions/654202")).Headers.CacheControl!;

        Assert.InRange(near.SharedMaxAge!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromMinutes(1), after.SharedMaxAge);
    }
}
