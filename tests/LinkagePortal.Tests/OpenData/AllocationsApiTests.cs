using System.Globalization;
using System.Net;
using System.Text.Json;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

public class AllocationsApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    readonly HttpClient client = portal.CreateClient();

    [SkippableFact]
    public async Task Document9_found_by_its_number_gives_93_county_rows_summing_to_200000_with_the_four_derived_rows_marked()
    {
        var documents = await client.GetJsonAsync("/api/v1/documents?number=" + Uri.EscapeDataString("新财振〔2024〕9号"));
        var document = Assert.Single(documents.GetProperty("items").EnumerateArray());
        var id = document.Text("id");
        Assert.Equal("xcz-2024-9", id);

        var rows = await client.GetAllAsync($"/api/v1/documents/{id}/allocations?limit=1000");

        Assert.Equal(93, rows.Count);
        Assert.All(rows, r => Assert.Equal("county", r.Text("regionLevel")));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("partOfTask").ValueKind));
        Assert.Equal(200000m, rows.Sum(r => r.GetProperty("amountWan").GetDecimal()));
        Assert.Equal(["650106", "650422", "654003", "654323"],
            rows.Where(r => r.Text("derivation") == "derived").Select(r => r.Text("regionCode")).Order());
        var corrected = Assert.Single(rows, r => r.Text("derivation") == "corrected");
        Assert.Equal(("652323", 800m, "8O0"), (corrected.Text("regionCode"), corrected.GetProperty("amountWan").GetDecimal(), corrected.Text("printedText")));
        Assert.Equal(rows.Count, rows.Select(r => (r.Text("regionCode"), r.Text("task"))).Distinct().Count());
    }

    [SkippableFact]
    public async Task The_csv_of_document9_carries_the_same_rows_with_exact_amounts()
    {
        var (_, records) = await client.GetCsvAsync("/api/v1/documents/xcz-2024-9/allocations.csv");
        var rows = records.Rows();

        Assert.Equal(93, rows.Count);
        Assert.Equal(200000m, rows.Sum(r => decimal.Parse(r["amountWan"], CultureInfo.InvariantCulture)));
        Assert.Equal(4, rows.Count(r => r["derivation"] == "derived"));
        Assert.Contains(rows, r => r["regionCode"] == "650102" && r["regionName"] == "天山区");
    }

    [SkippableFact]
    public async Task Document18_marks_its_nine_small_water_source_rows_as_part_of_the_bond_task()
    {
        var rows = await client.GetAllAsync("/api/v1/documents/xcz-2024-18/allocations");

        var parts = rows.Where(r => r.GetProperty("partOfTask").ValueKind == JsonValueKind.String).ToList();
        Assert.Equal(9, parts.Count);
        Assert.All(parts, r => Assert.Equal("支持小型水源工程项目", r.Text("task")));
        Assert.All(parts, r => Assert.Contains("债券", r.Text("partOfTask")));
        Assert.Equal(345700m, rows.Where(r => r.GetProperty("partOfTask").ValueKind == JsonValueKind.Null).Sum(r => r.GetProperty("amountWan").GetDecimal()));
    }

    [SkippableFact]
    public async Task The_allocations_list_filters_by_region_including_everything_below_it()
    {
        var tacheng = await client.GetAllAsync("/api/v1/allocations?document=xcz-2024-9&region=6542");

        Assert.NotEmpty(tacheng);
        Assert.All(tacheng, r => Assert.StartsWith("6542", r.Text("regionCode")));
        Assert.Contains(tacheng, r => r.Text("regionCode") == "654202");
    }

    [SkippableFact]
    public async Task An_unknown_document_is_a_404_problem()
    {
        var response = await client.GetAsync("/api/v1/documents/no-such-document/allocations");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/documents/no-such-document")).StatusCode);
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class AllocationsApiTestsOnSqlServer(SqlServerPortal portal) : AllocationsApiTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
