using System.Net;
using System.Text.RegularExpressions;
using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace LinkagePortal.Tests.Hosting;

/// <summary>Every absolute URL the portal writes comes from Portal:PublicBaseUrl; the Host header changes nothing.</summary>
public sealed partial class PublicBaseUrlTests(PublicBaseUrlTests.PublicPortal portal) : IClassFixture<PublicBaseUrlTests.PublicPortal>
{
    const string Public = "https://xczx.example.gov.cn";

    public sealed class PublicPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:PublicBaseUrl", Public + "/");
            builder.UseSetting("Hosting:KnownProxies:0", "10.9.9.9");
        }
    }

    public static TheoryData<string> Documents => new()
    {
        "/announcements.atom", "/api/v1/openapi.json", "/datasets/catalog.jsonld", "/datasets/projects/datapackage.json",
        "/datasets/dictionary.json", "/api/v1/projects?limit=2", "/projects/1/qr.svg",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_spoofed_host_leaves_every_absolute_url_unchanged(string path)
    {
        var client = portal.CreateClient();
        var honest = await client.GetAsync(path);
        var honestBody = await honest.Content.ReadAsStringAsync();

        var spoofed = new HttpRequestMessage(HttpMethod.Get, path);
        spoofed.Headers.Host = "127.0.0.1:8443";
        spoofed.Headers.Add("X-Forwarded-Proto", "http");
        spoofed.Headers.Add("X-Forwarded-Host", "evil.example");
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var answer = await client.SendAsync(spoofed);

        Assert.Equal(HttpStatusCode.OK, honest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(honestBody, await answer.Content.ReadAsStringAsync());
        var urls = AbsoluteUrl().Matches(honestBody).Select(m => m.Value)
            .Where(u => !u.StartsWith("http://www.w3.org", StringComparison.Ordinal) && !u.Contains("schema.org", StringComparison.Ordinal)
                && !u.Contains("purl.org", StringComparison.Ordinal) && !u.Contains("specs.frictionlessdata.io", StringComparison.Ordinal)
                && !u.Contains("creativecommons.org", StringComparison.Ordinal) && !u.Contains("opendefinition.org", StringComparison.Ordinal)
                && !u.Contains("xmlns.com", StringComparison.Ordinal) && !u.Contains("spdx.org", StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(urls, u => u.Contains("localhost", StringComparison.Ordinal) || u.Contains("127.0.0.1", StringComparison.Ordinal) || u.Contains("evil", StringComparison.Ordinal));
        if (path.EndsWith("qr.svg", StringComparison.Ordinal))
        {
            Assert.Equal(LinkagePortal.Rendering.QrCode.Svg($"{Public}/projects/1"), honestBody);
        }
        else
        {
            Assert.Contains(urls, u => u.StartsWith(Public + "/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_host_outside_allowed_hosts_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await portal.CreateClient().SendAsync(request)).StatusCode);
    }

    [GeneratedRegex(@"https?://[^\s""'<>)]+")]
    private static partial Regex AbsoluteUrl();
}
