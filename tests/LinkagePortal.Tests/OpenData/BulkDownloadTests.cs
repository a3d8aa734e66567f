using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

/// <summary>
/// /datasets/all.zip: built in the background, served with validators, its checksums and row counts true; built once per
/// state of the data (a restart finds it), and served by a node that does not build from the folder a builder writes.
/// </summary>
public class BulkDownloadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    readonly HttpClient client = portal.CreateClient();

    Task<HttpResponseMessage> WhenBuiltAsync(string url) => WhenBuiltAsync(client, url);

    static async Task<HttpResponseMessage> WhenBuiltAsync(HttpClient client, string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 120)
            {
                return response;
            }

            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            await Task.Delay(500);
        }
    }

    [SkippableFact]
    public async Task All_zip_holds_every_dataset_whose_checksums_match_and_row_counts_are_the_api_totals()
    {
        var response = await WhenBuiltAsync("/datasets/all.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        byte[] Read(string name)
        {
            using var stream = zip.GetEntry(name)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        var sums = Encoding.UTF8.GetString(Read("SHA256SUMS")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split("  ")).ToDictionary(p => p[1], p => p[0]);
        Assert.Equal(zip.Entries.Select(e => e.FullName).Where(n => n != "SHA256SUMS").Order(), sums.Keys.Order());
        foreach (var (name, hash) in sums)
        {
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(Read(name))));
        }

        var manifest = JsonDocument.Parse(Read("manifest.json")).RootElement.GetProperty("files").EnumerateArray()
            .Where(f => f.TryGetProperty("rows", out _)).ToDictionary(f => f.Text("path"), f => f.GetProperty("rows").GetInt64());
        var dictionary = await client.GetJsonAsync("/datasets/dictionary.json");
        foreach (var dataset in dictionary.GetProperty("datasets").EnumerateArray())
        {
            var name = dataset.Text("name");
            var total = (await client.GetJsonAsync(new Uri(dataset.Text("json")).PathAndQuery)).GetProperty("total").GetInt64();
            Assert.Equal(total, manifest[$"{name}/{name}.csv"]);
            Assert.Equal(total, StrictCsv.Parse(Encoding.UTF8.GetString(Read($"{name}/{name}.csv"))).Count - 1);
            var package = JsonDocument.Parse(Read($"{name}/datapackage.json")).RootElement;
            Assert.Equal(name + ".csv", package.GetProperty("resources")[0].Text("path"));
        }

        Assert.NotNull(zip.GetEntry("dictionary.json"));
        var again = new HttpRequestMessage(HttpMethod.Get, "/datasets/all.zip");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [SkippableFact]
    public async Task Public_sqlite_opens_and_holds_exactly_the_public_rows_and_nothing_private()
    {
        var response = await WhenBuiltAsync("/datasets/public.sqlite");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        var file = Path.Combine(OpenDataTools.TemporaryFolder(), "public.sqlite");
        try
        {
            await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            connection.Open();
            var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").ToList();
            var dictionary = await client.GetJsonAsync("/datasets/dictionary.json");
            var names = dictionary.GetProperty("datasets").EnumerateArray().Select(d => d.Text("name")).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), tables);

            foreach (var dataset in dictionary.GetProperty("datasets").EnumerateArray())
            {
                var total = (await client.GetJsonAsync(new Uri(dataset.Text("json")).PathAndQuery)).GetProperty("total").GetInt64();
                Assert.Equal(total, connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM \"{dataset.Text("name")}\""));
            }

            // Embargoed records in the portal's own database are not in the file.
            using var portalDb = portal.Db.Open();
            var embargoed = portalDb.Query<string>("SELECT code FROM projects WHERE published_at > @now", new { now = DateTime.UtcNow }).ToList();
            foreach (var code in embargoed)
            {
                Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM projects WHERE code = @code", new { code }));
            }

            Assert.Contains(connection.ExecuteScalar<string>("SELECT typeof(amountWan) FROM allocations LIMIT 1"), new[] { "integer", "real" });
            Assert.Equal("text", connection.ExecuteScalar<string>("SELECT typeof(regionCode) FROM allocations LIMIT 1"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [SkippableFact]
    public async Task After_a_change_the_downloads_are_rebuilt_in_the_background_without_an_embargoed_row()
    {
        using var writable = new WritablePortal();
        var writer = writable.CreateClient();
        var before = await WhenBuiltAsync(writer, "/datasets/public.sqlite");
        writable.AddProject("TEST-BULK-PUBLIC", "公开的测试项目");
        writable.AddProject("TEST-BULK-EMBARGO", "尚未公开的测试项目");
        writable.Execute("UPDATE projects SET published_at = @later WHERE code = 'TEST-BULK-EMBARGO'", new { later = writable.Clock.GetUtcNow().UtcDateTime.AddDays(30) });
        writable.Execute("UPDATE data_version SET version = version + 1");

        HttpResponseMessage after;
        var waited = 0;
        do
        {
            await Task.Delay(500);
            after = await writer.GetAsync("/datasets/public.sqlite");
        }
        while (after.Headers.ETag?.Tag == before.Headers.ETag?.Tag && ++waited < 120);

        Assert.NotEqual(before.Headers.ETag?.Tag, after.Headers.ETag?.Tag);
        var file = Path.Combine(OpenDataTools.TemporaryFolder(), "public.sqlite");
        try
        {
            await File.WriteAllBytesAsync(file, await after.Content.ReadAsByteArrayAsync());
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM projects WHERE code = 'TEST-BULK-PUBLIC'"));
            Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM projects WHERE code = 'TEST-BULK-EMBARGO'"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    /// <summary>A node of a farm on the portal's database and a bulk folder of the test's choosing.</summary>
    sealed class BulkNode(string folder, bool builds, string? dataDirectory = null) : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (dataDirectory is not null)
            {
                builder.UseSetting("Database:DataDirectory", dataDirectory);
            }

            builder.UseSetting("BulkDownloads:Folder", folder);
            builder.UseSetting("BulkDownloads:Build", builds ? "true" : "false");
        }
    }

    [SkippableFact]
    public async Task A_node_that_does_not_build_answers_503_with_retry_after_until_a_build_is_in_its_folder_then_serves_that()
    {
        var folder = OpenDataTools.TemporaryFolder();
        try
        {
            using var node = new BulkNode(folder, builds: false);
            var client = node.CreateClient();
            var waiting = await client.GetAsync("/datasets/all.zip");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
            Assert.NotNull(waiting.Headers.RetryAfter);
            var problem = JsonDocument.Parse(await waiting.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("另一台服务器", problem.Text("detail"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/datasets/public.sqlite")).StatusCode);

            // What a building node leaves in the shared folder: the files named by the data's stamp.
            var zip = Encoding.UTF8.GetBytes("the builder's zip");
            await File.WriteAllTextAsync(Path.Combine(folder, "all-7.0.sqlite"), "the builder's database");
            await File.WriteAllBytesAsync(Path.Combine(folder, "all-7.0.zip"), zip);

            var served = await WhenBuiltAsync(client, "/datasets/all.zip");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(zip, await served.Content.ReadAsByteArrayAsync());
            Assert.Equal("the builder's database", await client.GetStringAsync("/datasets/public.sqlite"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_node_started_again_on_unchanged_data_serves_the_files_built_before_without_building_them_again()
    {
        var folder = OpenDataTools.TemporaryFolder();
        try
        {
            using var first = new BulkNode(folder, builds: true);
            var built = await WhenBuiltAsync(first.CreateClient(), "/datasets/all.zip");
            Assert.Equal(HttpStatusCode.OK, built.StatusCode);
            var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList();

            using var again = new BulkNode(folder, builds: true, first.DataDirectory);
            var served = await WhenBuiltAsync(again.CreateClient(), "/datasets/all.zip");

            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(built.Headers.ETag, served.Headers.ETag);
            Assert.Equal(built.Content.Headers.LastModified, served.Content.Headers.LastModified);
            Assert.Equal(files, Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
