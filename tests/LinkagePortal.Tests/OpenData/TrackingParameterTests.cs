using System.Net;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

/// <summary>Parameters that links and clients add (utm_*, _, spm, from) are ignored; misspelt API parameters are not.</summary>
public class TrackingParameterTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    readonly HttpClient client = portal.CreateClient();

    [SkippableFact]
    public async Task Tracking_and_cache_buster_parameters_are_accepted_and_answered_as_the_bare_address()
    {
        var bare = await client.GetAsync("/api/v1/projects?limit=2");
        var tracked = await client.GetAsync("/api/v1/projects?limit=2&utm_source=x&utm_medium=wechat&_=123&spm=a.b&from=timeline");

        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        Assert.Equal(await bare.Content.ReadAsStringAsync(), await tracked.Content.ReadAsStringAsync());
        Assert.Equal(bare.Headers.ETag, tracked.Headers.ETag);
        var next = (await client.GetJsonAsync("/api/v1/projects?limit=2&utm_source=x&_=123")).Text("next");
        Assert.DoesNotContain("utm_source", next);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(next).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects.csv?_=1700000000000")).StatusCode);
    }

    [SkippableFact]
    public async Task A_page_with_tracking_parameters_is_served_from_the_bare_addresses_cache_entry()
    {
        var bare = await client.GetAsync("/regions/654202");
        var tracked = await client.GetAsync("/regions/654202?utm_source=x&_=123");

        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        Assert.Null(bare.Headers.Age);
        Assert.NotNull(tracked.Headers.Age);
        Assert.Equal(bare.Headers.ETag, tracked.Headers.ETag);
    }

    [SkippableFact]
    public async Task A_misspelt_api_parameter_is_still_a_400_naming_it()
    {
        var response = await client.GetAsync("/api/v1/projects?regoin=654202&utm_source=x");
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("regoin", problem);
        Assert.DoesNotContain("utm_source", problem);
        var dictionary = await client.GetJsonAsync("/datasets/dictionary.json");
        var note = dictionary.GetProperty("notes").EnumerateArray().Single(n => n.Text("topic") == "查询参数").Text("text");
        Assert.Contains("utm_*", note);
        Assert.Contains("400", note);
    }
}
