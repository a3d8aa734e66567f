using System.Net;
using System.Text.Json;
using LinkagePortal.Api;
using LinkagePortal.OpenData;
using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.OpenData;

/// <summary>The OpenAPI document against the endpoints the application really maps.</summary>
public class OpenApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    readonly HttpClient client = portal.CreateClient();

    IReadOnlyList<RouteEndpoint> Mapped() => OpenApiDocument.ApiEndpoints(portal.Services.GetRequiredService<EndpointDataSource>()).ToList();

    [SkippableFact]
    public async Task The_document_lists_exactly_the_mapped_api_endpoints()
    {
        var document = await client.GetJsonAsync("/api/v1/openapi.json");
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post").Select(o => o.Name.ToUpperInvariant() + " " + p.Name))
            .Order(StringComparer.Ordinal).ToList();
        var mapped = OpenApiDocument.ApiEndpoints(portal.Services.GetRequiredService<EndpointDataSource>(), writes: true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Where(m => m is "GET" or "POST")
                .Select(m => m + " " + OpenApiDocument.Path(e.RoutePattern)))
            .Order(StringComparer.Ordinal).ToList();

        Assert.StartsWith("3.1", document.Text("openapi"));
        Assert.Equal(mapped, documented);
        Assert.Contains("GET /api/v1/projects.csv", documented);
        Assert.Contains("GET /api/v1/documents/{id}/allocations", documented);
        Assert.Contains("POST /api/v1/complaints", documented);
        Assert.Contains("POST /api/v1/complaints/{id}/status", documented);
    }

    [SkippableFact]
    public void Every_api_endpoint_says_what_it_does()
    {
        Assert.All(Mapped(), e => Assert.True(e.Metadata.GetMetadata<ApiOperation>() is not null,
            $"{e.RoutePattern.RawText} has no ApiOperation metadata: add .WithMetadata(new ApiOperation(...)) so that OpenAPI describes it"));
    }

    [SkippableFact]
    public async Task Every_documented_parameter_is_accepted_and_an_undocumented_one_is_refused()
    {
        var document = await client.GetJsonAsync("/api/v1/openapi.json");
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _)))
        {
            var parameters = path.Value.GetProperty("get").TryGetProperty("parameters", out var listed) ? listed.EnumerateArray().ToList() : [];
            var url = path.Name;
            foreach (var p in parameters.Where(p => p.Text("in") == "path"))
            {
                url = url.Replace("{" + p.Text("name") + "}", p.GetProperty("example").ToString(), StringComparison.Ordinal);
            }

            foreach (var p in parameters.Where(p => p.Text("in") == "query" && p.TryGetProperty("example", out _)))
            {
                var withParameter = $"{url}?{p.Text("name")}={Uri.EscapeDataString(p.GetProperty("example").ToString())}";
                var response = await client.GetAsync(withParameter);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{withParameter} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            var required = string.Concat(parameters.Where(p => p.Text("in") == "query" && p.TryGetProperty("required", out var r) && r.GetBoolean())
                .Select(p => $"{p.Text("name")}={Uri.EscapeDataString(p.GetProperty("example").ToString())}&"));
            var undocumented = await client.GetAsync(url + "?" + required + "undocumented=1");
            Assert.Equal(HttpStatusCode.BadRequest, undocumented.StatusCode);
        }
    }

    [SkippableFact]
    public async Task The_item_schemas_name_exactly_the_fields_the_api_returns()
    {
        var schemas = (await client.GetJsonAsync("/api/v1/openapi.json")).GetProperty("components").GetProperty("schemas");
        foreach (var (schema, url) in new[]
        {
            ("Projects", "/api/v1/projects/654202-2024-001"), ("Regions", "/api/v1/regions/654202"), ("Documents", "/api/v1/documents/xcz-2024-9"),
            ("Announcements", "/api/v1/announcements/wusu-2024-gs-1"),
        })
        {
            var item = await client.GetJsonAsync(url);
            Assert.Equal(schemas.GetProperty(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name),
                item.EnumerateObject().Select(p => p.Name));
        }

        foreach (var (schema, url) in new[]
        {
            ("Allocations", "/api/v1/allocations?limit=1"), ("PerformanceTargets", "/api/v1/performance-targets?limit=1"), ("Contacts", "/api/v1/contacts?limit=1"),
        })
        {
            var item = (await client.GetJsonAsync(url)).GetProperty("items")[0];
            Assert.Equal(schemas.GetProperty(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name),
                item.EnumerateObject().Select(p => p.Name));
        }
    }

    [SkippableFact]
    public async Task The_projects_operation_documents_the_programme_default()
    {
        var parameters = (await client.GetJsonAsync("/api/v1/openapi.json")).GetProperty("paths").GetProperty("/api/v1/projects.csv")
            .GetProperty("get").GetProperty("parameters").EnumerateArray();
        var programme = Assert.Single(parameters, p => p.Text("name") == "programme");

        Assert.Equal("linkage", programme.GetProperty("schema").Text("default"));
        Assert.Equal(["linkage", "bond", "all"], programme.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains(JsonValueKind.String, new[] { programme.GetProperty("description").ValueKind });
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class OpenApiTestsOnSqlServer(SqlServerPortal portal) : OpenApiTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
