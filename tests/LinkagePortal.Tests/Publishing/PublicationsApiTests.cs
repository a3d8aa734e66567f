using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using LinkagePortal.Keys;
using LinkagePortal.Tests.OpenData;
using LinkagePortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Publishing;

/// <summary>
/// A county finance bureau publishes an announcement with its projects through the portal: only for its counties and
/// with a key for publishing, checked as an import is (each error named by its JSON path), stamped with the server's
/// time whatever the body claims, a scheduled one a draft for its key until its time, every publication in the audit
/// log, and the records marked as published through the portal.
/// </summary>
public sealed class PublicationsApiTests : IDisposable
{
    static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(8));

    readonly ClockedPortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    async Task<HttpClient> ClientAsync(string scope, params string[] counties)
    {
        var (_, key) = await portal.Services.GetRequiredService<ApiKeys>().CreateAsync("乌苏市财政局", counties, "test", scope);
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    static object Announcement(string reference, string id = "t16-pub-1", string county = "654202", string amountWan = "12.5",
        string? publishedAt = null, string? scheduledAt = null, string aroseOn = "2026-05-28") => new Dictionary<string, object?>
    {
        ["reference"] = reference,
        ["publishedAt"] = publishedAt,
        ["scheduledAt"] = scheduledAt,
        ["announcement"] = new
        {
            id, title = "乌苏市2026年衔接资金项目安排公示（测试）", countyCode = county, publisher = "乌苏市财政局", aroseOn,
            body = "经研究，安排以下项目。监督电话：0992-8508532。", sourceDocumentId = "wusu-2024-budget",
        },
        ["projects"] = new object[]
        {
            new
            {
                code = "654202-2026-101", fiscalYear = 2026, name = "科克萨拉村节水灌溉测试项目", amountWan, responsibleUnit = "西大沟镇人民政府",
                fundDocumentIds = new[] { "tdcz-2023-11" },
                places = new[] { new { asPrinted = "西大沟镇科克萨拉村", regionCode = "654202109200" } },
                targets = new[] { new { level1 = "产出指标", level2 = "数量指标", level3 = "节水灌溉面积", targetValue = "300", unit = "亩" } },
            },
        },
    };

    static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_publication_for_a_county_outside_the_key_is_refused_with_403()
    {
        var client = await ClientAsync(KeyScopes.Publish, "654202");

        var response = await client.PostAsJsonAsync("/api/v1/publications", Announcement("WS-403", county: "654201"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient().GetAsync("/api/v1/announcements/t16-pub-1")).StatusCode);
    }

    [Fact]
    public async Task A_malformed_publication_is_refused_with_400_naming_the_field_and_nothing_is_written()
    {
        var client = await ClientAsync(KeyScopes.Publish, "654202");

        var response = await client.PostAsJsonAsync("/api/v1/publications", Announcement("WS-400", amountWan: "12.5万"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["projects[0].amountWan"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("12.5万", errors.GetProperty("projects[0].amountWan")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient().GetAsync("/api/v1/announcements/t16-pub-1")).StatusCode);

        var missing = await client.PostAsJsonAsync("/api/v1/publications", new { announcement = new { id = "x" } });
        Assert.Contains("reference", (await JsonAsync(missing)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task The_portal_stamps_its_own_time_whatever_the_body_claims_and_marks_the_records_as_published_through_it()
    {
        var client = await ClientAsync(KeyScopes.Publish, "654202");

        var response = await client.PostAsJsonAsync("/api/v1/publications", Announcement("WS-001", publishedAt: "2024-01-01T09:00:00+08:00"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var published = await JsonAsync(response);
        Assert.Equal("2026-06-01T12:00:00+08:00", published.GetProperty("publishedAt").GetString());
        Assert.Equal("2024-01-01T09:00:00+08:00", published.GetProperty("claimedPublishedAt").GetString());
        var reader = portal.CreateClient();
        Assert.Equal("2026-06-01T12:00:00+08:00", (await reader.GetJsonAsync("/api/v1/announcements/t16-pub-1")).GetProperty("publishedAt").GetString());
        var project = await reader.GetJsonAsync("/api/v1/projects/654202-2026-101");
        Assert.Equal(["654202109200"], project.GetProperty("villages").EnumerateArray().Select(v => v.GetProperty("code").GetString()));
        var versions = (await reader.GetJsonAsync("/api/v1/projects/654202-2026-101/versions")).GetProperty("items");
        Assert.Equal("乌苏市财政局", versions[0].GetProperty("source").GetString());

        using var connection = portal.Db.Open();
        Assert.Equal("portal", connection.ExecuteScalar<string>("SELECT published_via FROM announcements WHERE id = 't16-pub-1'"));
        Assert.Equal("portal", connection.ExecuteScalar<string>("SELECT published_via FROM projects WHERE code = '654202-2026-101'"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'publication.publish' AND entity_id = 't16-pub-1'"));
        Assert.Equal("300", connection.ExecuteScalar<string>("SELECT t.target_value FROM performance_targets t JOIN projects p ON p.id = t.project_id WHERE p.code = '654202-2026-101'"));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/publications", Announcement("WS-001", publishedAt: "2024-01-01T09:00:00+08:00"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/v1/publications", Announcement("WS-001", amountWan: "13"))).StatusCode);
    }

    [Fact]
    public async Task A_scheduled_publication_is_a_draft_for_its_key_before_its_time_and_public_after()
    {
        var client = await ClientAsync(KeyScopes.Publish, "654202");
        var reader = portal.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/publications", Announcement("WS-002", scheduledAt: "2026-06-01T13:00:00+08:00"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var draft = await JsonAsync(await client.GetAsync("/api/v1/publications/WS-002/preview"));
        Assert.Equal(("2026-06-01T13:00:00+08:00", false), (draft.GetProperty("publishedAt").GetString(), draft.GetProperty("isPublic").GetBoolean()));
        Assert.Equal("科克萨拉村节水灌溉测试项目", draft.GetProperty("body").GetProperty("projects")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/publications/WS-002/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/announcements/t16-pub-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/projects/654202-2026-101")).StatusCode);

        portal.Clock.Set(Noon.AddHours(1).AddSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/announcements/t16-pub-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/projects/654202-2026-101")).StatusCode);
        Assert.True((await JsonAsync(await client.GetAsync("/api/v1/publications/WS-002/preview"))).GetProperty("isPublic").GetBoolean());
    }

    [Fact]
    public async Task A_complaints_key_cannot_publish_and_a_publish_key_cannot_record_complaints()
    {
        var complaints = await ClientAsync(KeyScopes.Complaints, "654202");
        var publish = await ClientAsync(KeyScopes.Publish, "654202");
        long projectId;
        using (var connection = portal.Db.Open())
        {
            projectId = connection.ExecuteScalar<long>("SELECT id FROM projects WHERE code = '654202-2024-010'");
        }

        var published = await complaints.PostAsJsonAsync("/api/v1/publications", Announcement("WS-003"));
        var recorded = await publish.PostAsJsonAsync("/api/v1/complaints", new
        {
            projectId, receivedAt = "2026-06-01T10:15:00+08:00", channel = "hotline", category = "工程质量", summary = "村民反映路面开裂", caseReference = "C-1",
        });

        Assert.Equal(HttpStatusCode.Forbidden, published.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, recorded.StatusCode);
        Assert.Contains("用途", (await JsonAsync(recorded)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient().GetAsync("/api/v1/announcements/t16-pub-1")).StatusCode);
    }

    static object Correction(string reference, string recordId, string? reason, object fields) => new
    {
        reference,
        correction = new { recordType = "projects", recordId, reason, fields },
    };

    [Fact]
    public async Task A_correction_names_the_record_and_a_reason_and_leaves_a_version_the_printed_qr_code_reports()
    {
        var client = await ClientAsync(KeyScopes.Publish, "654202");
        long id;
        using (var connection = portal.Db.Open())
        {
            id = connection.ExecuteScalar<long>("SELECT id FROM projects WHERE code = '654202-2024-010'");
        }

        var response = await client.PostAsJsonAsync("/api/v1/publications", Correction("WS-C-1", "654202-2024-010", "县财政局更正金额", new { amountWan = 365.5 }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reader = portal.CreateClient();
        var last = (await reader.GetJsonAsync("/api/v1/projects/654202-2024-010/versions")).GetProperty("items").EnumerateArray().Last();
        Assert.Equal(("changed", "县财政局更正金额", "乌苏市财政局"), (last.GetProperty("kind").GetString(), last.GetProperty("reason").GetString(), last.GetProperty("source").GetString()));
        var change = Assert.Single(last.GetProperty("changes").EnumerateArray());
        Assert.Equal(("amount_wan", "380", "365.5"), (change.GetProperty("field").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));

        var printed = await reader.GetPageAsync($"/projects/{id}?v=1");
        Assert.Equal("自打印后已修改", printed.QuerySelector("#print-check h2")!.Text());
        Assert.Contains("金额（万元）：380 → 365.5（县财政局更正金额）", printed.GetElementById("print-check")!.Text(), StringComparison.Ordinal);
        using var db = portal.Db.Open();
        Assert.Equal(1, db.ExecuteScalar<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'publication.correct' AND entity_id = '654202-2024-010'"));
    }

    [Fact]
    public async Task A_correction_needs_its_reason_and_a_key_for_the_records_county()
    {
        var client = await ClientAsync(KeyScopes.Publish, "654202");
        var elsewhere = await ClientAsync(KeyScopes.Publish, "654201");

        var noReason = await client.PostAsJsonAsync("/api/v1/publications", Correction("WS-C-2", "654202-2024-010", null, new { amountWan = 1 }));
        var outside = await elsewhere.PostAsJsonAsync("/api/v1/publications", Correction("WS-C-3", "654202-2024-010", "更正", new { amountWan = 1 }));
        var badValue = await client.PostAsJsonAsync("/api/v1/publications", Correction("WS-C-4", "654202-2024-010", "更正", new { amountWan = "一百" }));

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["correction.reason"], (await JsonAsync(noReason)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(["correction.fields.amountWan"], (await JsonAsync(badValue)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Single((await portal.CreateClient().GetJsonAsync("/api/v1/projects/654202-2024-010/versions")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_disclosure_audit_tells_a_time_the_portal_recorded_from_a_printed_one()
    {
        var client = await ClientAsync(KeyScopes.Publish, "654202");

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/publications", Announcement("WS-LATE", aroseOn: "2026-04-01"))).StatusCode);

        var lines = (await portal.CreateClient().GetStringAsync("/api/v1/disclosure/items.csv?bom=false")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var column = Array.IndexOf(header, "publicationTime");
        var dayCount = Array.IndexOf(header, "dayCount");
        var verified = lines.Skip(1).Where(l => l.Split(',')[column] == "verified").ToList();
        // Each record is judged on both clocks, calendar and working days: two verified records, once per clock.
        Assert.Equal(2, verified.Count(l => l.Split(',')[dayCount] == "calendar"));
        Assert.Equal(2, verified.Count(l => l.Split(',')[dayCount] == "working"));
        Assert.Contains(verified, l => l.Contains("/announcements/t16-pub-1", StringComparison.Ordinal));
        Assert.Contains(verified, l => l.Contains("/projects/654202-2026-101", StringComparison.Ordinal));
        Assert.All(lines.Skip(1).Except(verified), l => Assert.Equal("printed", l.Split(',')[column]));

        var page = await portal.CreateClient().GetPageAsync("/disclosure");
        Assert.Contains(page.QuerySelectorAll(".verified-time"), e => e.ParentElement!.QuerySelector("a")!.GetAttribute("href") == "/announcements/t16-pub-1");
    }
}
