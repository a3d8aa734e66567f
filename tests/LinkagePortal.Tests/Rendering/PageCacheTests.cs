using System.Net;
using System.Net.Http.Headers;
using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Import;
using LinkagePortal.Records;
using LinkagePortal.Rendering;
using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Rendering;

/// <summary>
/// Cached pages: a second request is served from the cache (the database changed underneath, without an import, and
/// the page still shows the old figure), an import evicts them, stray query keys share the entry, and conditional
/// requests get 304. Each test changes its own copy of the database.
/// </summary>
public sealed class PageCacheTests
{
    const string Project = "/projects/654202-2024-001";

    static void ChangeAmountWithoutImport(PortalFactory portal, long yuan)
    {
        using var connection = new SqliteConnection(Db.SqliteConnectionString(Path.Combine(portal.DataDirectory, "linkage.db")));
        connection.Open();
        connection.Execute("UPDATE projects SET amount_yuan = @yuan WHERE code = '654202-2024-001'", new { yuan });
    }

    static async Task<string> AmountOn(HttpClient client, string path) =>
        (await client.GetPageAsync(path)).QuerySelector(".lead .amount")!.Text().Replace('\u00a0', ' ');

    [Fact]
    public async Task A_second_request_is_served_from_the_cache_until_an_import_evicts_it()
    {
        using var portal = new PortalFactory();
        var client = portal.CreateClient();
        Assert.Equal("79.71 万元", await AmountOn(client, Project));

        ChangeAmountWithoutImport(portal, 800_000);
        Assert.Equal("79.71 万元", await AmountOn(client, Project));

        // An import that changes something (an import that changes nothing evicts nothing: UnchangedImportTests).
        var contacts = Path.Combine(TestDatabase.NewDirectory("import"), "contacts.csv");
        File.WriteAllText(contacts, File.ReadAllText(Path.Combine(TestDatabase.Paths.Data, "contacts.csv"))
            .Replace("乌苏市财政局,", "乌苏市财政局（新址）,", StringComparison.Ordinal));
        portal.Services.GetRequiredService<Importer>().Import([contacts]);
        Assert.Equal("80 万元", await AmountOn(client, Project));
    }

    [Fact]
    public async Task Query_keys_a_page_does_not_read_share_its_cache_entry()
    {
        using var portal = new PortalFactory();
        var client = portal.CreateClient();
        var page = (await client.GetAsync(Project)).RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Equal("79.71 万元", await AmountOn(client, page));

        ChangeAmountWithoutImport(portal, 800_000);
        Assert.Equal("79.71 万元", await AmountOn(client, $"{page}?utm_source=x&page=2"));
        Assert.Equal("79.71 万元", await AmountOn(client, $"{page}?{Guid.NewGuid():N}=1"));
    }

    [Fact]
    public async Task Search_results_are_cached_per_query()
    {
        using var portal = new PortalFactory();
        var client = portal.CreateClient();
        static string Q(string q) => $"/search?q={Uri.EscapeDataString(q)}";
        Assert.Single((await client.GetPageAsync(Q("辣椒烘干"))).QuerySelectorAll("li.project-hit"));

        using (var connection = new SqliteConnection(Db.SqliteConnectionString(Path.Combine(portal.DataDirectory, "linkage.db"))))
        {
            connection.Open();
            connection.Execute("UPDATE projects SET name = name || '辣椒烘干' WHERE code = '654202-2024-013'");
            using var transaction = connection.BeginTransaction();
            FragmentIndex.Refresh(connection, transaction, [connection.ExecuteScalar<long>("SELECT id FROM projects WHERE code = '654202-2024-013'", transaction: transaction)]);
            transaction.Commit();
        }

        Assert.Single((await client.GetPageAsync(Q("辣椒烘干"))).QuerySelectorAll("li.project-hit"));
        Assert.Single((await client.GetPageAsync(Q("辣椒烘干") + "&x=1")).QuerySelectorAll("li.project-hit"));
        Assert.Equal(2, (await client.GetPageAsync(Q(" 辣椒烘干"))).QuerySelectorAll("li.project-hit").Length);
    }

    [Fact]
    public async Task A_conditional_request_gets_304_from_the_cache_by_etag_and_by_date()
    {
        using var portal = new PortalFactory();
        var client = portal.CreateClient();
        var first = await client.GetAsync("/regions/654202");
        var etag = first.Headers.ETag!;
        var modified = first.Content.Headers.LastModified!.Value;

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/regions/654202");
        byTag.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/regions/654202");
        byDate.Headers.IfModifiedSince = modified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

        using var otherTag = new HttpRequestMessage(HttpMethod.Get, "/regions/654202");
        otherTag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(otherTag)).StatusCode);
    }

    [Fact]
    public async Task Another_node_that_has_not_cached_the_page_gives_it_the_same_etag_and_answers_304()
    {
        using var one = new PortalFactory();
        using var other = new PortalFactory();
        var etag = (await one.CreateClient().GetAsync("/documents/xcz-2024-9")).Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/documents/xcz-2024-9");
        request.Headers.IfNoneMatch.Add(etag);
        var response = await other.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag);
    }

    [Fact]
    public async Task A_long_page_arrives_whole_with_its_length_and_the_tag_of_its_bytes()
    {
        using var portal = new PortalFactory();
        var response = await portal.CreateClient().GetAsync("/regions/654202");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.True(bytes.Length > 32 * 1024, $"the county page is {bytes.Length} bytes, too short to fill more than one buffer");
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.EndsWith("</html>\n", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..32]}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_page_is_not_kept_past_the_next_scheduled_change()
    {
        using var portal = new ScheduledChangeNow();
        var client = portal.CreateClient();
        Assert.Equal("79.71 万元", await AmountOn(client, Project));

        ChangeAmountWithoutImport(portal, 800_000);
        Assert.Equal("80 万元", await AmountOn(client, Project));
    }

    [Fact]
    public async Task Pages_say_browsers_must_revalidate_and_a_cdn_may_keep_them_a_minute_and_serve_stale_briefly()
    {
        using var portal = new PortalFactory();
        var response = await portal.CreateClient().GetAsync("/");

        var control = response.Headers.CacheControl!;
        Assert.True(control.Public);
        Assert.Equal(TimeSpan.Zero, control.MaxAge);
        Assert.Equal(TimeSpan.FromMinutes(1), control.SharedMaxAge);
        Assert.Contains(control.Extensions, e => e.Name == "stale-while-revalidate" && e.Value == "30");
        Assert.Contains(control.Extensions, e => e.Name == "stale-if-error" && e.Value == "600");
    }

    /// <summary>A portal whose content is always due to change now (as at an embargo boundary): nothing may be kept.</summary>
    sealed class ScheduledChangeNow : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddSingleton<NextScheduledChange>(_ => (_, _) => ValueTask.FromResult<DateTimeOffset?>(DateTimeOffset.UtcNow)));
        }
    }
}
