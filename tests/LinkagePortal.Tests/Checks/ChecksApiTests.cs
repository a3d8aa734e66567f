using System.Net;
using System.Text.Json;
using LinkagePortal.Checks;
using LinkagePortal.Import;
using LinkagePortal.Tests.OpenData;
using LinkagePortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Checks;

/// <summary>/api/v1/checks and /checks: every row cites a rule in the rules data, and the page, the API and the county section agree.</summary>
public sealed class ChecksApiTests(ClockedPortalFactory portal) : IClassFixture<ClockedPortalFactory>
{
    static HashSet<string> RuleIdsInData()
    {
        var records = StrictCsv.Parse(File.ReadAllText(Path.Combine(TestDatabase.Paths.Data, "check_rules.csv")).ReplaceLineEndings("\r\n"));
        var id = Array.IndexOf(records[0], "id");
        return records.Skip(1).Select(r => r[id]).ToHashSet();
    }

    [Fact]
    public async Task Every_check_row_cites_a_rule_that_exists_in_the_rules_data_with_its_document_and_article()
    {
        // The seed data have no project-management fee and no complaint: add one of each (in 伽师县) so that every check has rows.
        var directory = TestDatabase.NewDirectory("checks-api");
        File.WriteAllText(Path.Combine(directory, "projects.csv"), ChecksTestDatabase.ProjectHeader + "\n"
            + "653129-2024-T01,linkage,2024,伽师县2024年衔接资金项目管理费,653129,10,10,printed,测试单位,,,,,xcz-2024-9,jiashi-2024-usage,测试表,,,,测试记录\n");
        portal.Services.GetRequiredService<Importer>().Import([Path.Combine(directory, "projects.csv")]);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(LinkagePortal.Data.Db.SqliteConnectionString(Path.Combine(portal.DataDirectory, "linkage.db"))))
        {
            connection.Open();
            Dapper.SqlMapper.Execute(connection, """
                INSERT INTO complaints (project_id, organisation, case_reference, received_at, channel, category, summary, status, recorded_at, updated_at)
                SELECT id, '测试纪委', 'T1', '2026-05-01 00:00:00', 'hotline', '工程质量', '测试投诉', 'received', '2026-05-01 00:00:00', '2026-05-01 00:00:00'
                FROM projects WHERE code = '653129-2024-T01';
                INSERT INTO audit_log (occurred_at, actor, action, entity, entity_id) VALUES ('2026-05-01 00:00:00', '测试纪委', 'complaint.create', 'complaint', 'T1');
                """);
        }

        var rules = RuleIdsInData();
        var rows = await portal.CreateClient().GetAllAsync("/api/v1/checks?limit=1000");
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.Contains(r.Text("ruleId"), rules);
            Assert.False(string.IsNullOrEmpty(r.Text("ruleArticle")));
            Assert.False(string.IsNullOrEmpty(r.Text("ruleQuote")));
        });
        Assert.Equal(CheckKinds.Values.Order(), rows.Select(r => r.Text("check")).Distinct().Order());
    }

    [Fact]
    public async Task The_filters_narrow_by_county_and_check_and_bad_values_are_a_400_naming_the_parameter()
    {
        var client = portal.CreateClient();
        var tacheng = await client.GetAllAsync("/api/v1/checks?county=6542&check=detailing");
        Assert.NotEmpty(tacheng);
        Assert.All(tacheng, r => Assert.Equal(("6542", "detailing"), (r.Text("countyCode")[..4], r.Text("check"))));

        foreach (var (query, parameter) in new[] { ("check=verdict", "check"), ("county=659999", "county"), ("county=65x", "county") })
        {
            var response = await client.GetAsync("/api/v1/checks?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(parameter, (await response.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task The_csv_has_the_same_rows_as_the_json_and_a_repeat_request_with_the_etag_is_a_304()
    {
        var client = portal.CreateClient();
        var json = await client.GetAllAsync("/api/v1/checks?county=654202&limit=1000");
        var (_, records) = await client.GetCsvAsync("/api/v1/checks.csv?county=654202");
        Assert.Equal(json.Select(r => r.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            records.Rows().Select(r => r["id"]));

        var first = await client.GetAsync("/api/v1/checks?county=654202");
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/checks?county=654202");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task The_page_the_api_and_the_county_section_show_the_same_findings()
    {
        var client = portal.CreateClient();
        var page = await client.GetPageAsync("/checks");
        var api = await client.GetAllAsync("/api/v1/checks?county=654202&limit=1000");
        var county = await portal.Services.GetRequiredService<CountyChecks>().ForCountyAsync("654202");
        Assert.NotNull(county);

        // Reconciliation: every 乌苏市 row of the page's table has the API's figures.
        var reconciliation = api.Where(r => r.Text("check") == "reconciliation").ToList();
        var pageRows = page.QuerySelectorAll("table[data-check=reconciliation] tr[data-county='654202']");
        Assert.Equal(reconciliation.Count, pageRows.Length);
        foreach (var (row, item) in pageRows.Zip(reconciliation))
        {
            Assert.Equal((item.Text("subjectId"), item.Text("item"), item.Text("outcome")),
                (row.GetAttribute("data-subject"), row.GetAttribute("data-item"), row.GetAttribute("data-outcome")));
            Assert.Equal(Wan(item, "detailedWan"), row.QuerySelector("[data-field=detailed]")!.Text());
            Assert.Equal(Wan(item, "reportedWan"), row.QuerySelector("[data-field=reported]")!.Text());
        }

        Assert.Equal(reconciliation.Select(r => r.GetProperty("id").GetInt64()), county.Reconciliation.Select(r => r.Id));

        // Notice completeness: the rate and each notice's missing items.
        var rate = api.Single(r => r.Text("item") == "rate");
        Assert.Equal(rate.GetProperty("figure").GetDecimal().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), county.CompletenessRate);
        Assert.Equal(county.CompletenessRate + "%", page.QuerySelector("li[data-county='654202'] [data-field=rate]")!.Text());
        foreach (var notice in county.Notices)
        {
            var missing = api.Where(r => r.Text("subjectId") == notice.SubjectId && r.Text("outcome") == "missing").Select(r => r.Text("item"));
            Assert.Equal(missing, notice.Missing);
            Assert.Equal(notice.MissingList, page.QuerySelector($"tr[data-subject='{notice.SubjectId}'] [data-field=missing]")!.Text());
        }

        // Every rule of the data is explained on the page with its quote.
        foreach (var id in RuleIdsInData())
        {
            Assert.NotNull(page.QuerySelector($"#{id} .rule-quote"));
        }
    }

    static string Wan(JsonElement item, string field) =>
        item.GetProperty(field).ValueKind == JsonValueKind.Null ? "" : Money.FormatWan((long)(item.GetProperty(field).GetDecimal() * 10000)) + " 万元";

    [Theory]
    [InlineData("654202")]
    [InlineData("653129")]
    public async Task A_county_page_shows_its_own_findings_as_the_api_gives_them(string county)
    {
        var client = portal.CreateClient();

        var section = (await client.GetPageAsync($"/regions/{county}")).QuerySelector("section.county-checks")!;
        var api = await client.GetAllAsync($"/api/v1/checks?county={county}&check=reconciliation&limit=1000");
        Assert.NotEmpty(api);
        Assert.Equal(api.Select(r => (r.GetProperty("subjectId").GetString(), r.GetProperty("outcome").GetString())).Order(),
            section.QuerySelectorAll("[data-check=reconciliation] tbody tr").Select(tr => (tr.GetAttribute("data-subject"), tr.GetAttribute("data-outcome"))).Order());
        Assert.Contains($"/api/v1/checks?county={county}", section.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }
}
