using System.Text;
using LinkagePortal.Api;
using LinkagePortal.OpenData;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

/// <summary>The CSV twins as a journalist's spreadsheet sees them.</summary>
public class CsvExportTests : IClassFixture<WritablePortal>
{
    readonly WritablePortal portal;
    readonly HttpClient client;

    public CsvExportTests(WritablePortal portal)
    {
        this.portal = portal;
        client = portal.CreateClient();
        if (portal.Execute("UPDATE projects SET note = note WHERE code = 'TEST-FORMULA'") == 0)
        {
            portal.AddProject("TEST-FORMULA", "=HYPERLINK(\"http://example.com\",\"点这里\")");
            portal.AddProject("TEST-PLUS", "+1 温室, \"大棚\"\n第二行");
        }
    }

    [SkippableFact]
    public async Task Every_list_has_a_csv_twin_that_starts_with_a_bom_and_parses_as_rfc4180()
    {
        foreach (var url in new[]
        {
            "/api/v1/projects.csv?programme=all", "/api/v1/allocations.csv", "/api/v1/documents/xcz-2024-18/allocations.csv", "/api/v1/documents.csv",
            "/api/v1/announcements.csv", "/api/v1/performance-targets.csv", "/api/v1/contacts.csv", "/api/v1/regions.csv?parent=654202",
        })
        {
            var (bytes, records) = await client.GetCsvAsync(url);
            Assert.True(Api.StartsWithBom(bytes), $"{url} has no BOM");
            Assert.True(records.Count > 1, $"{url} has no data rows");
        }
    }

    [SkippableFact]
    public async Task Bom_false_leaves_the_byte_order_mark_out()
    {
        var (bytes, records) = await client.GetCsvAsync("/api/v1/projects.csv?region=654202&bom=false");

        Assert.False(Api.StartsWithBom(bytes));
        Assert.Equal("id", records[0][0]);
        Assert.Equal(13, records.Count - 1);
    }

    [SkippableFact]
    public async Task The_csv_round_trips_the_chinese_text_of_the_json()
    {
        var json = await client.GetAllAsync("/api/v1/projects?programme=all&limit=1000");
        var (_, records) = await client.GetCsvAsync("/api/v1/projects.csv?programme=all");
        var csv = records.Rows().ToDictionary(r => r["id"]);

        Assert.Equal(json.Count, csv.Count);
        foreach (var item in json.Where(i => !i.Text("id").StartsWith("TEST-", StringComparison.Ordinal)))
        {
            var row = csv[item.Text("id")];
            Assert.Equal(item.Text("name"), row["name"]);
            Assert.Equal(item.Text("countyName"), row["countyName"]);
            Assert.Equal(item.GetProperty("note").GetString() ?? "", row["note"]);
            Assert.Equal(item.GetProperty("amountWan").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture), row["amountWan"]);
            Assert.Equal(string.Join(';', item.GetProperty("villages").EnumerateArray().Select(v => v.Text("name"))), row["villageNames"]);
        }

        var announcement = (await client.GetAllAsync("/api/v1/announcements"))[0];
        var (_, announcementRecords) = await client.GetCsvAsync("/api/v1/announcements.csv");
        Assert.Equal(announcement.Text("body"), announcementRecords.Rows().Single(r => r["id"] == announcement.Text("id"))["body"]);
    }

    [SkippableFact]
    public async Task A_project_name_beginning_with_equals_is_neutralised_in_csv_but_intact_in_json()
    {
        var json = await client.GetJsonAsync("/api/v1/projects/TEST-FORMULA");
        Assert.Equal("=HYPERLINK(\"http://example.com\",\"点这里\")", json.Text("name"));

        var (_, records) = await client.GetCsvAsync("/api/v1/projects.csv?q=TEST-");
        var rows = records.Rows().ToDictionary(r => r["id"]);
        Assert.Equal("'=HYPERLINK(\"http://example.com\",\"点这里\")", rows["TEST-FORMULA"]["name"]);
        Assert.Equal("'+1 温室, \"大棚\"\n第二行", rows["TEST-PLUS"]["name"]);
        Assert.Equal("1", rows["TEST-FORMULA"]["amountWan"]);
    }

    [SkippableTheory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+86 0992", "'+86 0992")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("乌苏市 = 1", "乌苏市 = 1")]
    [InlineData("", "")]
    public void Text_that_a_spreadsheet_would_run_gets_a_leading_apostrophe(string text, string written) =>
        Assert.Equal(written, CsvFormat.Neutralise(text));

    [SkippableFact]
    public async Task Numbers_stay_numbers_and_codes_stay_text()
    {
        var raw = Encoding.UTF8.GetString((await client.GetCsvAsync("/api/v1/documents/xcz-2024-9/allocations.csv?bom=false")).Bytes);
        var first = raw.Split("\r\n")[1];

        Assert.StartsWith("xcz-2024-9,新财振〔2024〕9号,650102,天山区,", first);
        Assert.Contains(",114,114,printed,", first);
    }

    [SkippableFact]
    public async Task Excel_mode_writes_codes_as_text_formulas_and_leaves_amounts_as_numbers()
    {
        var (_, records) = await client.GetCsvAsync("/api/v1/documents/xcz-2024-9/allocations.csv?excel=true");
        var row = records.Rows()[0];

        Assert.Equal("=\"650102\"", row["regionCode"]);
        Assert.Equal("=\"xcz-2024-9\"", row["documentId"]);
        Assert.Equal("114", row["amountWan"]);
        Assert.Equal("天山区", row["regionName"]);
    }

    [SkippableFact]
    public async Task Excel_mode_keeps_every_code_of_every_dataset_as_text_single_or_listed_as_the_dictionary_says()
    {
        var dictionary = await client.GetJsonAsync("/datasets/dictionary.json");
        var wrapped = 0;
        foreach (var dataset in dictionary.GetProperty("datasets").EnumerateArray())
        {
            var codeColumns = dataset.GetProperty("fields").EnumerateArray()
                .Where(f => f.GetProperty("excelText").GetBoolean()).Select(f => f.Text("name")).ToHashSet();
            Assert.NotEmpty(codeColumns);
            var csv = new Uri(dataset.Text("csv")).PathAndQuery;
            var (_, records) = await client.GetCsvAsync(csv + (csv.Contains('?') ? "&" : "?") + "excel=true");
            foreach (var row in records.Rows())
            {
                foreach (var (column, cell) in row.Where(c => c.Value.Length > 0))
                {
                    var isFormula = cell.StartsWith("=\"", StringComparison.Ordinal) && cell.EndsWith('"');
                    if (codeColumns.Contains(column))
                    {
                        Assert.True(isFormula, $"{dataset.Text("name")}.{column} = {cell} is not kept as text");
                        wrapped++;
                    }
                    else
                    {
                        Assert.False(cell.All(char.IsAsciiDigit) && (cell.Length > 11 || cell is ['0', _, ..]),
                            $"{dataset.Text("name")}.{column} = {cell}: a zero-padded or long number is written bare");
                    }
                }
            }
        }

        Assert.True(wrapped > 1000, $"only {wrapped} code cells were seen");
        var projects = (await client.GetCsvAsync("/api/v1/projects.csv?programme=all&excel=true")).Records.Rows();
        Assert.Contains(projects, p => p["villageCodes"] is ['=', '"', _, ..] && p["villageCodes"].Length == 15);
        var documents = (await client.GetCsvAsync("/api/v1/documents.csv?excel=true")).Records.Rows();
        Assert.Contains(documents, d => d["directFundFlag"] == "=\"01\"");
    }

    [SkippableFact]
    public async Task Every_list_has_an_ndjson_twin_with_one_json_object_per_row_as_the_list_gives_them()
    {
        var dictionary = await client.GetJsonAsync("/datasets/dictionary.json");
        foreach (var dataset in dictionary.GetProperty("datasets").EnumerateArray())
        {
            var list = new Uri(dataset.Text("json")).PathAndQuery;
            var all = await client.GetAllAsync(list);
            var ndjson = list.Replace(dataset.Text("name") + "?", dataset.Text("name") + ".ndjson?", StringComparison.Ordinal).Replace("limit=1000", "", StringComparison.Ordinal).TrimEnd('&', '?');
            var response = await client.GetAsync(ndjson);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
            var lines = body.Split('\n');
            Assert.Equal("", lines[^1]);
            Assert.Equal(all.Select(i => i.GetRawText()), lines[..^1].Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetRawText()));
        }
    }

    [SkippableFact]
    public async Task An_export_is_not_cached_a_new_row_shows_at_once()
    {
        var before = (await client.GetCsvAsync("/api/v1/projects.csv?region=650102")).Records.Count;
        portal.AddProject("TEST-CACHE-" + Guid.NewGuid().ToString("N")[..8], "缓存测试项目");
        var after = (await client.GetCsvAsync("/api/v1/projects.csv?region=650102")).Records.Count;

        Assert.Equal(before + 1, after);
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class CsvExportTestsOnSqlServer(SqlServerWritablePortal portal) : CsvExportTests(portal.OrSkip<SqlServerWritablePortal>()), IClassFixture<SqlServerWritablePortal>;
