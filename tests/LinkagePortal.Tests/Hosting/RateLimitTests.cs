using System.Net;
using System.Text.Json;
using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace LinkagePortal.Tests.Hosting;

/// <summary>Per-client limits: a burst past the limit gets 429 with Retry-After; other clients and cached pages carry on.</summary>
public sealed class RateLimitTests(RateLimitTests.LimitedPortal portal) : IClassFixture<RateLimitTests.LimitedPortal>
{
    public sealed class LimitedPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var kind in new[] { "search", "api", "export" })
            {
                builder.UseSetting($"RateLimits:{kind}:Burst", "3");
                builder.UseSetting($"RateLimits:{kind}:Refill", "3");
                builder.UseSetting($"RateLimits:{kind}:PeriodSeconds", "60");
            }
        }
    }

    [Theory]
    [InlineData("/search?q=乌苏{0}")]
    [InlineData("/api/v1/lookup?q=乌苏{0}")]
    [InlineData("/api/v1/projects?limit={0}")]
    [InlineData("/api/v1/projects.csv?limit={0}")]
    public async Task A_burst_past_the_limit_gets_429_with_retry_after(string address)
    {
        var client = "198.51.100." + Math.Abs(address.GetHashCode(StringComparison.Ordinal) % 200);
        var statuses = new List<int>();
        for (var i = 1; i <= 4; i++)
        {
            statuses.Add((await SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, i), client)).StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(429, s));
        var refused = await SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, 9), client);
        Assert.Equal(429, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", refused.ContentType?.Split(';')[0]);
        using var problem = JsonDocument.Parse(refused.Body);
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());

        // Another client is not affected, nor are pages for this one.
        Assert.NotEqual(429, (await SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, 10), "198.51.100.250")).StatusCode);
        Assert.Equal(200, (await SendAsync("/regions/654202", client)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_429_with_retry_after()
    {
        var document = await portal.CreateClient().GetStringAsync("/api/v1/openapi.json");
        using var json = JsonDocument.Parse(document);
        foreach (var operation in json.RootElement.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, o.Value))))
        {
            var tooMany = operation.Value.GetProperty("responses").GetProperty("429");
            Assert.True(tooMany.GetProperty("headers").TryGetProperty("Retry-After", out _), operation.Path);
        }
    }

    async Task<(int StatusCode, IHeaderDictionary Headers, string? ContentType, string Body)> SendAsync(string pathAndQuery, string client)
    {
        var uri = new Uri("http://localhost" + pathAndQuery);
        var context = await portal.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = uri.AbsolutePath == "/" ? "/" : Uri.UnescapeDataString(uri.AbsolutePath);
            c.Request.QueryString = new QueryString(uri.Query);
            c.Connection.RemoteIpAddress = IPAddress.Parse(client);
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, context.Response.Headers, context.Response.ContentType, await reader.ReadToEndAsync());
    }
}
