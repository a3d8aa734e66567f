using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LinkagePortal.Tests.Home;

/// <summary>A record whose publication time is still ahead is on no public page: not listed, not counted, not found, not served.</summary>
public sealed class EmbargoedRecordsTests : IDisposable
{
    readonly PortalFactory portal = new();

    public EmbargoedRecordsTests()
    {
        using var connection = new SqliteConnection(Db.SqliteConnectionString(Path.Combine(portal.DataDirectory, "linkage.db")));
        connection.Open();
        connection.Execute("UPDATE projects SET published_at = '2999-01-01 00:00:00' WHERE code = '654202-2024-011'");
        connection.Execute("UPDATE announcements SET published_at = '2999-01-01 00:00:00' WHERE id = 'wusu-2024-gs-1'");
        connection.Execute("UPDATE documents SET published_at = '2999-01-01 00:00:00' WHERE id = 'tdcz-2023-11'");
        // Changed with plain SQL rather than the importer: the maintained totals are written anew, as after any such change.
        using var transaction = connection.BeginTransaction();
        LinkagePortal.Records.RegionTotals.Rebuild(connection, transaction);
        transaction.Commit();
    }

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task An_embargoed_project_is_not_listed_counted_found_or_served()
    {
        var client = portal.CreateClient();

        var village = await client.GetPageAsync("/regions/654202109200");
        Assert.Equal(["654202-2024-010"], village.QuerySelectorAll("tr.project td.code").Select(c => c.Text()));
        var wusu = await client.GetPageAsync("/regions/654202");
        Assert.Equal(12, wusu.QuerySelectorAll("section[data-programme='linkage'] tr.project").Length);
        Assert.Contains("12个", wusu.QuerySelector("#projects-linkage")!.Text());

        var search = await client.GetPageAsync($"/search?q={Uri.EscapeDataString("农产品深加工")}");
        Assert.Empty(search.QuerySelectorAll("li.project-hit"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/projects/654202-2024-011")).StatusCode);
    }

    [Fact]
    public async Task An_embargoed_notice_and_document_are_not_linked_or_served()
    {
        var client = portal.CreateClient();

        var list = await client.GetPageAsync("/announcements");
        Assert.Equal(["/announcements/wusu-2024-gs-2"], list.QuerySelectorAll(".announcement-list a[href^='/announcements/']").Select(a => a.GetAttribute("href")));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/announcements/wusu-2024-gs-1")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/documents/tdcz-2023-11")).StatusCode);

        var project = await client.GetPageAsync("/projects/654202-2024-001");
        Assert.DoesNotContain(project.QuerySelectorAll("a"), a => a.GetAttribute("href") is "/announcements/wusu-2024-gs-1" or "/documents/tdcz-2023-11");
        var wusu = await client.GetPageAsync("/regions/654202");
        Assert.DoesNotContain(wusu.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/documents/tdcz-2023-11");
    }
}
