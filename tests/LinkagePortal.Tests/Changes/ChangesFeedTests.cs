using System.Net;
using System.Xml.Linq;
using Dapper;
using LinkagePortal.Tests.Disclosure;
using LinkagePortal.Tests.OpenData;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Changes;

/// <summary>
/// /api/v1/changes: a client paging through it while imports go on sees every public change exactly once, and can
/// carry on later from the last position it read; an embargoed record's change enters the feed at its publication
/// time, not before. The CSV twin and /changes.atom give the same changes.
/// </summary>
public sealed class ChangesFeedTests : ClockedPortalTests
{
    static readonly DateTimeOffset T = new(2026, 6, 1, 13, 0, 0, TimeSpan.FromHours(8));

    static string Key(System.Text.Json.JsonElement change) => $"{change.Text("recordType")} {change.Text("recordId")} v{change.GetProperty("version").GetInt32()}";

    long PublicVersions()
    {
        using var connection = Portal.Db.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM record_versions WHERE visible_at <= @now", new { now = Portal.Clock.GetUtcNow().UtcDateTime });
    }

    [Fact]
    public async Task Paging_while_changes_arrive_visits_every_change_exactly_once()
    {
        var seen = new List<string>();
        string? last = null;
        var page = 0;
        for (string? next = "/api/v1/changes?limit=40"; next is not null; page++)
        {
            var body = await Client.GetJsonAsync(next);
            var items = body.GetProperty("items").EnumerateArray().ToList();
            seen.AddRange(items.Select(Key));
            last = items.Count > 0 ? items[^1].Text("position") : last;
            next = body.GetProperty("next").GetString();
            if (page is 1 or 3)
            {
                // An import between two pages: a changed project, a new one, a time later.
                Portal.Clock.Set(Portal.Clock.GetUtcNow().AddMinutes(1));
                TestRecords.Import(Portal, TestRecords.Projects(($"T16-F-00{page}", "654202", $"修改流测试项目{page}", "2026-05-20", null, 10m + page)));
                ChangeFiles.Import(Portal, ChangeFiles.Projects("654202-2024-002", l => l.Replace(",79.71,79.71,", $",7{page}.5,7{page}.5,", StringComparison.Ordinal)), reason: $"第{page}次调整");
            }
        }

        // Changes made after the last page are read by asking for those after the last position seen.
        TestRecords.Import(Portal, TestRecords.Projects(("T16-F-009", "654202", "修改流测试项目9", "2026-05-20", null, 19m)));
        var later = (await Client.GetAllAsync($"/api/v1/changes?since={last}")).Select(Key).ToList();
        seen.AddRange(later);

        Assert.True(page > 4, $"only {page} pages");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(PublicVersions(), seen.Count);
        Assert.Equal(["projects T16-F-009 v1"], later);
        Assert.Contains("projects 654202-2024-002 v3", seen);
    }

    [Fact]
    public async Task An_embargoed_record_enters_the_feed_at_its_publication_time_not_before()
    {
        var start = (await Client.GetAllAsync("/api/v1/changes?limit=1000"))[^1].Text("position");
        TestRecords.Import(Portal,
            TestRecords.Projects(("T16-E-001", "654202", "禁发修改流测试项目", "2026-05-25", "2026-06-01T13:00:00+08:00", 12m)),
            TestRecords.Projects(("T16-E-002", "654202", "立即公开修改流测试项目", "2026-05-25", null, 13m)));

        Portal.Clock.Set(T.AddSeconds(-1));
        var before = (await Client.GetAllAsync($"/api/v1/changes?since={start}")).Select(c => c.Text("recordId")).ToList();
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/projects/T16-E-001/versions")).StatusCode);

        Portal.Clock.Set(T.AddSeconds(1));
        var after = await Client.GetAllAsync($"/api/v1/changes?since={start}");

        Assert.Equal(["T16-E-002"], before);
        Assert.Equal(["T16-E-002", "T16-E-001"], after.Select(c => c.Text("recordId")));
        Assert.Equal("2026-06-01T13:00:00+08:00", after[1].Text("time"));
    }

    [Fact]
    public async Task The_csv_and_the_atom_feed_give_the_same_changes()
    {
        ChangeFiles.Import(Portal, ChangeFiles.Projects("654202-2024-003", l => l.Replace(",1200,1200,", ",1180,1180,", StringComparison.Ordinal)), reason: "金额更正");

        var json = await Client.GetAllAsync("/api/v1/changes?limit=1000");
        var csv = await Client.GetStringAsync("/api/v1/changes.csv?bom=false");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("recordType,recordId,version,kind,time,changedFields,source,reason,position", lines[0], StringComparison.Ordinal);
        Assert.Equal(json.Count, lines.Length - 1);
        Assert.StartsWith("projects,654202-2024-003,2,changed,2026-06-01T12:00:00+08:00,amount_wan;printed_text,projects.csv:4,金额更正,", lines[^1], StringComparison.Ordinal);

        var atom = XDocument.Parse(await Client.GetStringAsync("/changes.atom"));
        XNamespace ns = "http://www.w3.org/2005/Atom";
        var newest = atom.Root!.Elements(ns + "entry").First();
        Assert.Contains("654202-2024-003", newest.Element(ns + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("金额（万元）：1200 → 1180", newest.Element(ns + "content")!.Value, StringComparison.Ordinal);
        Assert.Contains("原因：金额更正", newest.Element(ns + "content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_since_is_a_400_naming_it()
    {
        var response = await Client.GetAsync("/api/v1/changes?since=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("since", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
