using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hosting;

/// <summary>Queries nobody types again are answered but not stored, so a flood of them cannot fill the cache.</summary>
public sealed class OutputCacheBoundTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/search?q=乌苏", true)]
    [InlineData("/search?q=乌苏&utm_source=x", true)]
    [InlineData("/search?q=乌苏&q=伽师", false)]
    public async Task Only_ordinary_queries_are_served_from_the_cache(string path, bool cached)
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        var again = await client.GetAsync(path);

        Assert.Equal(cached, again.Headers.Age is not null);
    }

    [Fact]
    public async Task An_overlong_query_value_is_not_cached()
    {
        var path = "/search?q=" + Uri.EscapeDataString(new string('水', 120));
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        Assert.Null((await client.GetAsync(path)).Headers.Age);
    }
}
