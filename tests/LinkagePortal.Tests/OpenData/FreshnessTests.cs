using System.Net;
using System.Net.Http.Headers;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

/// <summary>ETag, Last-Modified, 304 and CORS on every open-data response.</summary>
public class FreshnessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    readonly HttpClient client = portal.CreateClient();

    public static TheoryData<string> Addresses =>
    [
        "/api/v1/projects?region=654202", "/api/v1/projects.csv?region=654202", "/api/v1/projects/654202-2024-001", "/api/v1/regions/65",
        "/api/v1/documents/xcz-2024-9/allocations", "/api/v1/openapi.json", "/datasets", "/datasets/dictionary", "/datasets/dictionary.json",
        "/datasets/projects/datapackage.json", "/datasets/catalog.jsonld", "/announcements.atom",
    ];

    [SkippableTheory]
    [MemberData(nameof(Addresses))]
    public async Task Every_response_has_validators_and_a_matching_request_gets_304(string url)
    {
        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(lastModified);

        var byTag = new HttpRequestMessage(HttpMethod.Get, url);
        byTag.Headers.IfNoneMatch.Add(etag!);
        var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0-stale\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [SkippableFact]
    public async Task Different_requests_have_different_etags()
    {
        var a = (await client.GetAsync("/api/v1/projects?region=654202")).Headers.ETag;
        var b = (await client.GetAsync("/api/v1/projects?region=654202109")).Headers.ETag;
        var c = (await client.GetAsync("/api/v1/projects.csv?region=654202")).Headers.ETag;

        Assert.Equal(3, new[] { a, b, c }.Distinct().Count());
    }

    [SkippableFact]
    public async Task Any_website_may_read_the_api_and_its_headers()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects?region=654202&limit=2");
        request.Headers.Add("Origin", "https://newsroom.example");
        var response = await client.SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Link", response.Headers.GetValues("Access-Control-Expose-Headers").Single());

        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/projects.csv");
        preflight.Headers.Add("Origin", "https://newsroom.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var allowed = await client.SendAsync(preflight);
        Assert.True(allowed.IsSuccessStatusCode, $"preflight gave {(int)allowed.StatusCode}");
        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [SkippableFact]
    public async Task Errors_are_problems_without_validators()
    {
        var response = await client.GetAsync("/api/v1/projects?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        var missing = await client.GetAsync("/api/v1/no-such-resource");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class FreshnessTestsOnSqlServer(SqlServerPortal portal) : FreshnessTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
