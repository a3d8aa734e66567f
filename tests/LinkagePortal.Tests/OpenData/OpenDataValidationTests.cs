using System.Text.Json.Nodes;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

/// <summary>What the portal publishes, checked by the tools data users' pipelines run (tests/OpenDataTools).</summary>
public class OpenDataValidationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    static readonly string[] DatasetNames = ["allocations", "projects", "announcements", "performance-targets", "regions", "contacts", "documents"];

    readonly HttpClient client = portal.CreateClient();

    [SkippableFact]
    public async Task Every_datapackage_validates_against_its_live_csv_with_frictionless()
    {
        var root = OpenDataTools.TemporaryFolder();
        try
        {
            var folders = new List<string>();
            long csvRows = 0;
            foreach (var name in DatasetNames)
            {
                var package = JsonNode.Parse(await (await client.GetAsync($"/datasets/{name}/datapackage.json")).Content.ReadAsStringAsync())!;
                var resource = package["resources"]![0]!;
                var csvUrl = new Uri(resource["path"]!.GetValue<string>());
                var response = await client.GetAsync(csvUrl.PathAndQuery);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                csvRows += StrictCsv.Parse(System.Text.Encoding.UTF8.GetString(bytes)).Count - 1;

                var folder = Path.Combine(root, name);
                Directory.CreateDirectory(folder);
                await File.WriteAllBytesAsync(Path.Combine(folder, name + ".csv"), bytes);
                resource["path"] = name + ".csv";
                await File.WriteAllTextAsync(Path.Combine(folder, "datapackage.json"), package.ToJsonString());
                folders.Add(folder);
            }

            var report = await OpenDataTools.RunAsync("validate-datapackages.js", [.. folders]);

            Assert.Empty(report.Strings("errors"));
            Assert.Equal(DatasetNames.Length, report.GetProperty("packages").GetInt32());
            Assert.Equal(csvRows, report.GetProperty("rows").GetInt64());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Redocly_recommended_and_spectral_oas_find_no_error_in_the_generated_openapi_document()
    {
        var root = OpenDataTools.TemporaryFolder();
        try
        {
            var file = Path.Combine(root, "openapi.json");
            var response = await client.GetAsync("/api/v1/openapi.json");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());

            var report = await OpenDataTools.RunAsync("lint-openapi.js", file);

            Assert.Empty(report.GetProperty("redocly").Strings("errors"));
            Assert.Empty(report.GetProperty("spectral").Strings("errors"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public async Task The_dcat_catalog_passes_the_dcat_ap_mandatory_and_range_shapes()
    {
        var root = OpenDataTools.TemporaryFolder();
        try
        {
            var file = Path.Combine(root, "catalog.jsonld");
            var response = await client.GetAsync("/datasets/catalog.jsonld");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());

            var report = await OpenDataTools.RunAsync("validate-dcat.mjs", file);

            Assert.Empty(report.Strings("violations"));
            Assert.True(report.GetProperty("conforms").GetBoolean());
            Assert.True(report.GetProperty("triples").GetInt32() > 200, "the catalog gave too few triples for the shapes to mean much");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
