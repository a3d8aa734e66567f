using System.Net;
using System.Text.Json;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

public class ProjectsApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    readonly HttpClient client = portal.CreateClient();

    [SkippableFact]
    public async Task Wusu_gives_its_13_linkage_projects_by_default_and_its_38_bond_projects_on_request()
    {
        var linkage = await client.GetAllAsync("/api/v1/projects?region=654202");
        var bond = await client.GetAllAsync("/api/v1/projects?region=654202&programme=bond");
        var all = await client.GetAllAsync("/api/v1/projects?region=654202&programme=all");

        Assert.Equal(13, linkage.Count);
        Assert.All(linkage, p => Assert.Equal("linkage", p.Text("programme")));
        Assert.All(linkage, p => Assert.Equal("654202", p.Text("countyCode")));
        Assert.Equal(38, bond.Count);
        Assert.All(bond, p => Assert.Equal(2023, p.GetProperty("fiscalYear").GetInt32()));
        Assert.Equal(51, all.Count);
    }

    [SkippableFact]
    public async Task A_journalist_downloading_wusus_csv_gets_a_bom_and_13_rows()
    {
        var (bytes, records) = await client.GetCsvAsync("/api/v1/projects.csv?region=654202");

        Assert.True(Api.StartsWithBom(bytes));
        Assert.Equal(13, records.Count - 1);
    }

    [SkippableFact]
    public async Task Xidagou_township_gives_its_two_kekesala_village_projects()
    {
        var projects = await client.GetAllAsync("/api/v1/projects?region=654202109");

        Assert.Equal(2, projects.Count);
        Assert.All(projects, p =>
        {
            var village = Assert.Single(p.GetProperty("villages").EnumerateArray());
            Assert.Equal(("654202109200", "科克萨拉村"), (village.Text("code"), village.Text("name")));
        });
        Assert.All(projects, p => Assert.Contains("科克萨拉村", p.Text("name")));
        Assert.Equal(projects.Select(p => p.Text("id")), (await client.GetAllAsync("/api/v1/projects?region=654202109200")).Select(p => p.Text("id")));
    }

    [SkippableFact]
    public async Task A_project_carries_its_code_amount_unit_villages_and_fund_documents()
    {
        var project = await client.GetJsonAsync("/api/v1/projects/654202-2024-001");

        Assert.Equal("654202-2024-001", project.Text("id"));
        Assert.Equal("654202-2024-001", project.Text("code"));
        Assert.Equal(79.71m, project.GetProperty("amountWan").GetDecimal());
        Assert.Equal("八十四户乡人民政府", project.Text("responsibleUnit"));
        Assert.Equal("654202200214", Assert.Single(project.GetProperty("villages").EnumerateArray()).Text("code"));
        Assert.Equal(["tdcz-2023-11", "wcz-2023-9"], project.GetProperty("documentIds").EnumerateArray().Select(d => d.GetString()).Order());
        Assert.Equal("wusu-2024-budget", project.Text("sourceDocumentId"));
    }

    [SkippableFact]
    public async Task Projects_are_found_by_year_text_and_fund_document()
    {
        var greenhouses = await client.GetAllAsync("/api/v1/projects?q=" + Uri.EscapeDataString("温室"));
        Assert.Contains(greenhouses, p => p.Text("code") == "654202-2024-001");
        Assert.All(greenhouses, p => Assert.Contains("温室", p.Text("name") + p.Text("code") + p.GetProperty("responsibleUnit")));

        Assert.Empty(await client.GetAllAsync("/api/v1/projects?q=" + Uri.EscapeDataString("%")));
        Assert.Equal(13, (await client.GetAllAsync("/api/v1/projects?year=2024")).Count);
        Assert.Equal(7, (await client.GetAllAsync("/api/v1/projects?document=tdcz-2023-11")).Count);
    }

    [SkippableFact]
    public async Task Published_from_and_to_select_whole_beijing_days_and_a_bad_date_names_the_parameter()
    {
        var day = await client.GetAllAsync("/api/v1/projects?programme=all&publishedFrom=2023-12-29&publishedTo=2023-12-29&limit=1000");
        var after = await client.GetAllAsync("/api/v1/projects?programme=all&publishedFrom=2023-12-30&limit=1000");

        Assert.NotEmpty(day);
        Assert.All(day, p => Assert.StartsWith("2023-12-29T", p.Text("publishedAt")));
        Assert.All(after, p => Assert.True(string.CompareOrdinal(p.Text("publishedAt"), "2023-12-30") >= 0));
        var bad = await client.GetAsync("/api/v1/projects?publishedFrom=2023-13-01");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("publishedFrom", await bad.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task The_total_is_the_number_of_projects_listed_on_every_region_level()
    {
        // Region, programme and year are answered from the totals kept per region; the others are counted.
        foreach (var filter in new[] { "region=65&programme=all", "region=6542", "region=654202&programme=bond&year=2023", "region=654202109",
            "region=654202109200", "programme=all&year=2024", "region=654202&q=" + Uri.EscapeDataString("温室") })
        {
            var all = await client.GetAllAsync("/api/v1/projects?limit=1000&" + filter);
            Assert.True(all.Count > 0, filter);
        }
    }

    [SkippableFact]
    public async Task With_include_total_false_the_pages_leave_the_total_out_and_list_the_same_projects()
    {
        var counted = await client.GetAllAsync("/api/v1/projects?region=654202&programme=all&limit=7");
        var seen = new List<string>();
        for (string? next = "/api/v1/projects?region=654202&programme=all&limit=7&include_total=false"; next is not null;)
        {
            var page = await client.GetJsonAsync(next);
            Assert.Equal(JsonValueKind.Null, page.GetProperty("total").ValueKind);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.Text("id")));
            next = page.GetProperty("next").GetString();
            Assert.True(next is null || next.Contains("include_total=false", StringComparison.Ordinal), next);
        }

        Assert.Equal(counted.Select(p => p.Text("id")), seen);
    }

    [SkippableFact]
    public async Task A_bad_region_names_the_parameter_and_an_unknown_project_is_404()
    {
        foreach (var (url, parameter) in new[]
        {
            ("/api/v1/projects?region=999999", "region"),
            ("/api/v1/projects?region=65420", "region"),
            ("/api/v1/projects?programme=bonds", "programme"),
            ("/api/v1/projects?year=twenty", "year"),
            ("/api/v1/projects?regoin=654202", "regoin"),
            ("/api/v1/projects?region=654202&region=6542", "region"),
        })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"{url}: the problem does not name {parameter}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/projects/654202-2024-999")).StatusCode);
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class ProjectsApiTestsOnSqlServer(SqlServerPortal portal) : ProjectsApiTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
