using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

/// <summary>/datasets, the data dictionary, datapackage.json, DCAT and the Atom feed.</summary>
public class CatalogTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    static readonly string[] DatasetNames = ["allocations", "projects", "announcements", "performance-targets", "regions", "contacts", "documents"];

    readonly HttpClient client = portal.CreateClient();

    [SkippableFact]
    public async Task The_datasets_page_lists_every_dataset_with_count_date_licence_sources_and_working_downloads()
    {
        var page = await client.GetPageAsync("/datasets");

        foreach (var name in DatasetNames)
        {
            var section = page.GetElementById(name);
            Assert.True(section is not null, $"/datasets has no section for {name}");
            var facts = section!.QuerySelectorAll("dt").Zip(section.QuerySelectorAll("dd")).ToDictionary(p => p.First.Text(), p => p.Second);
            var count = long.Parse(facts["行数"].Text().Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            Assert.NotNull(facts["最近更新"].QuerySelector("time[datetime]"));
            Assert.NotNull(facts["许可"].QuerySelector("a[rel=license]"));
            Assert.NotEmpty(facts["来源"].QuerySelectorAll("li"));

            var links = section.QuerySelectorAll(".dataset-downloads a").ToDictionary(a => a.Text(), a => a.GetAttribute("href")!);
            var (_, csv) = await client.GetCsvAsync(links["CSV"]);
            Assert.Equal(count, csv.Count - 1);
            Assert.Equal(count, (await client.GetJsonAsync(links["JSON"])).GetProperty("total").GetInt64());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(links["datapackage.json"])).StatusCode);
        }

        var projects = page.GetElementById("projects")!;
        Assert.Contains(projects.QuerySelectorAll("dd a"), a => a.GetAttribute("href") == "/documents/wusu-2024-budget");
    }

    [SkippableFact]
    public async Task Each_datapackage_describes_the_csv_columns_in_order_and_points_at_the_csv()
    {
        foreach (var name in DatasetNames)
        {
            var package = await client.GetJsonAsync($"/datasets/{name}/datapackage.json");
            var resource = Assert.Single(package.GetProperty("resources").EnumerateArray());
            var path = new Uri(resource.Text("path"));
            var (bytes, records) = await client.GetCsvAsync(path.PathAndQuery);

            Assert.Equal("tabular-data-package", package.Text("profile"));
            Assert.False(Api.StartsWithBom(bytes));
            Assert.Equal(records[0], resource.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.Text("name")));
            Assert.NotEmpty(package.GetProperty("licenses").EnumerateArray());
        }

        var regions = await client.GetJsonAsync("/datasets/regions/datapackage.json");
        var code = regions.GetProperty("resources")[0].GetProperty("schema").GetProperty("fields").EnumerateArray().First(f => f.Text("name") == "code");
        Assert.Equal("string", code.Text("type"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/datasets/nothing/datapackage.json")).StatusCode);
    }

    [SkippableFact]
    public async Task The_dictionary_describes_every_csv_column_and_json_field_and_says_how_to_keep_codes_as_text()
    {
        var dictionary = await client.GetJsonAsync("/datasets/dictionary.json");
        var datasets = dictionary.GetProperty("datasets").EnumerateArray().ToDictionary(d => d.Text("name"));
        Assert.Equal(DatasetNames.Order(), datasets.Keys.Order());
        foreach (var (name, dataset) in datasets)
        {
            var fields = dataset.GetProperty("fields").EnumerateArray().ToList();
            Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Text("description"))));
            var (_, records) = await client.GetCsvAsync(dataset.Text("csv").Replace("http://localhost", "", StringComparison.Ordinal));
            Assert.Equal(records[0], fields.Where(f => f.GetProperty("inCsv").GetBoolean()).Select(f => f.Text("name")));
        }

        var notes = dictionary.GetProperty("notes").EnumerateArray().ToDictionary(n => n.Text("topic"), n => n.Text("text"));
        Assert.Contains("excel=true", notes["编码保持文本"]);
        Assert.Contains("bom=false", notes["CSV 格式"]);
        Assert.Contains("单引号", notes["公式防护"]);
        Assert.Contains("programme=all", notes["项目的资金类别（programme）"]);

        var page = await client.GetPageAsync("/datasets/dictionary");
        var targets = page.GetElementById("fields-performance-targets")!.ParentElement!;
        var targetValue = targets.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.Text() == "targetValue");
        Assert.Contains("未公开", targetValue.Text());
    }

    [SkippableFact]
    public async Task Performance_target_values_are_null_not_empty_strings()
    {
        var targets = await client.GetAllAsync("/api/v1/performance-targets?document=xcz-2024-9");

        Assert.Equal(8, targets.Count);
        Assert.All(targets, t =>
        {
            Assert.Equal(JsonValueKind.Null, t.GetProperty("targetValue").ValueKind);
            Assert.Equal(JsonValueKind.Null, t.GetProperty("unit").ValueKind);
            Assert.Equal(JsonValueKind.Null, t.GetProperty("actualValue").ValueKind);
        });
        var (_, csv) = await client.GetCsvAsync("/api/v1/performance-targets.csv?document=xcz-2024-9");
        Assert.All(csv.Rows(), r => Assert.Equal("", r["targetValue"]));
    }

    [SkippableFact]
    public async Task The_dcat_catalog_has_every_dataset_with_its_distributions()
    {
        var response = await client.GetAsync("/datasets/catalog.jsonld");
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var catalog = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("dcat:Catalog", catalog.Text("@type"));
        var datasets = catalog.GetProperty("dcat:dataset").EnumerateArray().ToList();
        Assert.Equal(DatasetNames.Order(), datasets.Select(d => d.Text("dct:identifier")).Order());
        Assert.All(datasets, d => Assert.Equal(5, d.GetProperty("dcat:distribution").GetArrayLength()));
        Assert.All(datasets, d => Assert.Contains(d.GetProperty("dcat:distribution").EnumerateArray(),
            x => x.TryGetProperty("dcat:downloadURL", out var url) && url.Text("@id").EndsWith("/datasets/all.zip", StringComparison.Ordinal)));
        Assert.EndsWith("/api/v1/openapi.json", catalog.GetProperty("dcat:service").GetProperty("dcat:endpointDescription").Text("@id"));
    }

    [SkippableFact]
    public async Task The_atom_feed_carries_the_public_announcements_with_links()
    {
        var response = await client.GetAsync("/announcements.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";

        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.NotEmpty(e.Element(atom + "title")!.Value);
            Assert.True(DateTimeOffset.TryParse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.StartsWith("http://localhost/announcements/", e.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value);
        });
        Assert.Contains(entries, e => e.Element(atom + "title")!.Value.Contains("乌苏市", StringComparison.Ordinal));
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class CatalogTestsOnSqlServer(SqlServerPortal portal) : CatalogTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
