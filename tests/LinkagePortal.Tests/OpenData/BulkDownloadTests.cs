using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

/// <summary>/datasets/all.zip: built in the background, served with validators, its checksums and row counts true.</summary>
public class BulkDownloadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    readonly HttpClient client = portal.CreateClient();

    async Task<HttpResponseMessage> WhenBuiltAsync(string url)
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
}
