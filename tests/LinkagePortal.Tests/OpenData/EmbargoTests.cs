using System.Net;

namespace LinkagePortal.Tests.OpenData;

/// <summary>A record whose publication time is in the future is absent from every open-data answer until then.</summary>
public sealed class EmbargoTests : IDisposable
{
    readonly WritablePortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task An_embargoed_project_appears_in_list_csv_item_links_and_counts_only_once_its_time_has_passed()
    {
        var publishAt = new DateTimeOffset(2030, 1, 1, 2, 0, 0, TimeSpan.Zero);
        portal.Execute("UPDATE projects SET published_at = @at WHERE code = '654202-2024-001'", new { at = publishAt.UtcDateTime });
        var client = portal.CreateClient();

        portal.Clock.Set(publishAt.AddSeconds(-1));
        var etagBefore = (await client.GetAsync("/api/v1/projects?region=654202")).Headers.ETag;
        Assert.Equal(12, (await client.GetAllAsync("/api/v1/projects?region=654202")).Count);
        Assert.Equal(12, (await client.GetCsvAsync("/api/v1/projects.csv?region=654202")).Records.Count - 1);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/projects/654202-2024-001")).StatusCode);
        Assert.DoesNotContain("654202-2024-001", (await client.GetJsonAsync("/api/v1/announcements/wusu-2024-gs-1")).GetProperty("projectIds").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/performance-targets?project=654202-2024-001")).StatusCode);

        portal.Clock.Set(publishAt.AddSeconds(1));
        var after = await client.GetAsync("/api/v1/projects?region=654202");
        Assert.NotEqual(etagBefore, after.Headers.ETag);
        Assert.Equal(publishAt, after.Content.Headers.LastModified);
        Assert.Equal(13, (await client.GetAllAsync("/api/v1/projects?region=654202")).Count);
        Assert.Equal(13, (await client.GetCsvAsync("/api/v1/projects.csv?region=654202")).Records.Count - 1);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects/654202-2024-001")).StatusCode);
        Assert.Contains("654202-2024-001", (await client.GetJsonAsync("/api/v1/announcements/wusu-2024-gs-1")).GetProperty("projectIds").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task An_embargoed_document_hides_its_allocations_and_targets()
    {
        var publishAt = new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero);
        portal.Execute("UPDATE documents SET published_at = @at WHERE id = 'xcz-2024-9'", new { at = publishAt.UtcDateTime });
        var client = portal.CreateClient();

        portal.Clock.Set(publishAt.AddSeconds(-1));
        Assert.Equal(0, (await client.GetJsonAsync("/api/v1/documents?number=" + Uri.EscapeDataString("新财振〔2024〕9号"))).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/documents/xcz-2024-9/allocations.csv")).StatusCode);
        Assert.Empty(await client.GetAllAsync("/api/v1/allocations?region=650102"));
        Assert.Equal(16, (await client.GetAllAsync("/api/v1/performance-targets")).Count);

        portal.Clock.Set(publishAt.AddSeconds(1));
        Assert.Equal(93, (await client.GetAllAsync("/api/v1/documents/xcz-2024-9/allocations")).Count);
        Assert.Equal(24, (await client.GetAllAsync("/api/v1/performance-targets")).Count);
    }
}
