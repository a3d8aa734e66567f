using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using LinkagePortal.Hosting;
using LinkagePortal.Tests.Hotline;
using LinkagePortal.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LinkagePortal.Tests.Hosting;

/// <summary>When the database fails: cached pages go on, the rest gets a quick 503, nothing is half-written or re-created.</summary>
public sealed class DatabaseFaultTests
{
    [Fact]
    public async Task With_the_database_gone_readyz_fails_cached_pages_answer_and_the_rest_gets_503()
    {
        using var portal = new PortalFactory();
        var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/regions/654202")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(portal.DataDirectory, "linkage.db*").Where(f => !f.EndsWith(DatabaseFile.MarkerSuffix, StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/regions/654202")).StatusCode);
        foreach (var path in new[] { "/projects/654202-2024-010", "/api/v1/projects?limit=3", "/search?q=水渠" })
        {
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(DatabaseFaults.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            Assert.Contains("503", body);
            Assert.DoesNotContain("   at ", body);
            Assert.DoesNotContain("Exception", body);
        }

        Assert.False(File.Exists(Path.Combine(portal.DataDirectory, "linkage.db")), "a new empty database was created in place of the lost one");
    }

    [Fact]
    public async Task A_complaint_posted_after_the_database_file_was_removed_is_not_acknowledged()
    {
        using var portal = new HotlinePortal();
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市纪委监委", "654202"));
        var projectId = portal.ProjectId("654202-2024-010");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(projectId, "WS-GONE-1"))).StatusCode);

        // The pool keeps connections to the removed file open, as a running server would.
        foreach (var file in Directory.GetFiles(portal.DataDirectory, "linkage.db*").Where(f => !f.EndsWith(DatabaseFile.MarkerSuffix, StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        var response = await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(projectId, "WS-GONE-2"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_complaint_posted_while_the_database_is_locked_gets_503_quickly_and_nothing_is_recorded()
    {
        using var portal = new HotlinePortal();
        var client = portal.ClientWithKey(await portal.IssueKeyAsync("乌苏市纪委监委", "654202"));
        var projectId = portal.ProjectId("654202-2024-010");
        int Count(string table)
        {
            using var connection = portal.Db.Open();
            return connection.ExecuteScalar<int>($"SELECT COUNT(*) FROM {table}");
        }

        // The same path once while the database is free, so that the timing below is the lock's, not the first call's.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(projectId, "WS-FREE-1"))).StatusCode);
        var (complaints, audit) = (Count("complaints"), Count("audit_log"));
        using (var holder = portal.Db.Open())
        {
            holder.Execute("BEGIN IMMEDIATE");
            var clock = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/v1/complaints", HotlinePortal.Complaint(projectId, "WS-LOCKED-1"));
            clock.Stop();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            // Quickly: after the 2 s busy timeout, not the driver's 30 s; the bound leaves room for a saturated machine.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"answered after {clock.Elapsed}");
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            holder.Execute("ROLLBACK");
        }

        Assert.Equal(complaints, Count("complaints"));
        Assert.Equal(audit, Count("audit_log"));
    }

    [Fact]
    public async Task A_missing_initialised_database_stops_the_start_with_a_message_naming_it()
    {
        var directory = TestDatabase.NewDirectory("lost");
        var file = Path.Combine(directory, "linkage.db");
        DatabaseFile.Prepare(file, createIfMissing: true, busyTimeoutSeconds: 2);
        SqliteConnection.ClearAllPools();
        File.Delete(file);

        var (code, _, error) = await PortalCommand.RunAsync("migrate", "--Database:DataDirectory", directory);

        Assert.NotEqual(0, code);
        Assert.Contains(file, error);
        Assert.Contains("missing", error);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Without_the_marker_a_first_run_creates_the_database_unless_configured_not_to()
    {
        var directory = TestDatabase.NewDirectory("first");
        var file = Path.Combine(directory, "linkage.db");

        var refused = Assert.Throws<InvalidOperationException>(() => DatabaseFile.Prepare(file, createIfMissing: false, busyTimeoutSeconds: 2));
        Assert.Contains(file, refused.Message);
        Assert.False(File.Exists(file));

        DatabaseFile.Prepare(file, createIfMissing: true, busyTimeoutSeconds: 2);
        Assert.True(File.Exists(file));
        Assert.True(File.Exists(file + DatabaseFile.MarkerSuffix));
    }
}
