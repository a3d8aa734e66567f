using System.Net;
using LinkagePortal.Hosting;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hosting;

/// <summary>Browser security headers on every kind of response, and HEAD answered wherever GET is.</summary>
public sealed class SecurityHeadersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, int> Responses => new()
    {
        { "/", 200 },
        { "/api/v1/regions", 200 },
        { "/no-such-page", 404 },
        { "/api/v1/no-such-list", 404 },
        { "/css/site.css", 200 },
        { "/js/hotline.js", 200 },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string path, int status)
    {
        var response = await portal.CreateClient().GetAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", Header(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal(SecurityHeaders.PermissionsPolicy, Header(response, "Permissions-Policy"));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
    }

    [Fact]
    public async Task Hsts_is_sent_over_https()
    {
        var client = portal.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/");

        Assert.Equal(SecurityHeaders.StrictTransportSecurity, Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task No_page_carries_inline_script_or_style()
    {
        foreach (var path in new[] { "/", "/hotline", "/search?q=乌苏", "/regions/654202", "/disclosure", "/datasets" })
        {
            var page = await portal.CreateClient().GetPageAsync(path);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"{path}: inline script"));
            Assert.Empty(page.QuerySelectorAll("style"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    public static TheoryData<string> GetAddresses => new()
    {
        "/", "/hotline", "/hotline?q=乌苏", "/search?q=乌苏", "/regions/654202", "/disclosure", "/disclosure.csv", "/datasets",
        "/api/v1/regions", "/api/v1/projects?limit=2", "/api/v1/projects.csv", "/announcements.atom", "/api/v1/openapi.json",
        "/css/site.css", "/no-such-page", "/healthz",
    };

    [Theory]
    [MemberData(nameof(GetAddresses))]
    public async Task Head_answers_as_get_without_a_body(string path)
    {
        var client = portal.CreateClient();
        var get = await client.GetAsync(path);
        var getBody = await get.Content.ReadAsByteArrayAsync();

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(getBody);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        foreach (var name in new[] { "Content-Security-Policy", "X-Content-Type-Options", "Cache-Control", "ETag", "Vary" })
        {
            Assert.Equal(Header(get, name), Header(head, name));
        }
    }

    static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
