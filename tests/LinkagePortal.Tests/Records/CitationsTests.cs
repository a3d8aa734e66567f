using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkagePortal.Records;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Records;

/// <summary>
/// Sources are named as published documents, never as the curators' working files, their line numbers or the
/// database's tables: every page type, every API list and every CSV is scanned.
/// </summary>
public partial class CitationsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [GeneratedRegex(@"\d{3}_[0-9a-f]{16}\.txt|种子文|约第\d+[–-]\d+行")]
    private static partial Regex WorkingFile();

    // The tables whose names cannot be mistaken for a word of a page or an API field.
    [GeneratedRegex(@"\b(allocation_totals|announcement_documents|announcement_projects|api_key_counties|api_keys|audit_log|check_results|check_rules|complaint_status_changes|data_version|fund_reports|lookup_positions|performance_targets|project_fragments|project_funds|project_places)\b")]
    private static partial Regex TableName();

    public static TheoryData<string> Pages =>
    [
        "/", "/regions", "/regions/65", "/regions/6542", "/regions/654202", "/regions/654202109", "/regions/654202109200", "/regions/650102002002",
        "/regions/654202/projects?programme=bond", "/projects/654202-2024-001", "/documents/xcz-2024-9", "/documents/xcz-2024-18",
        "/documents/tdcz-2023-11", "/documents/wusu-2024-budget", "/documents/jiashi-2024-usage", "/documents/xcg-2021-11",
        "/announcements", "/announcements/wusu-2024-gs-1", "/announcements/wusu-2024-gs-2", "/search?q=乌苏", "/search?q=一连生活区",
        "/hotline?q=科克萨拉", "/hotline?q=西湖村", "/disclosure", "/checks", "/about", "/datasets",
    ];

    static void AssertShowsNoWorkingFile(string path, string text)
    {
        Assert.False(WorkingFile().Match(text) is { Success: true } file, $"{path} shows the working file “{WorkingFile().Match(text).Value}”");
        Assert.False(TableName().Match(text) is { Success: true } table, $"{path} shows the table name “{TableName().Match(text).Value}”");
    }

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task No_page_shows_a_working_file_or_a_table_name(string path)
    {
        var page = await portal.CreateClient().GetPageAsync(path);

        AssertShowsNoWorkingFile(path, page.DocumentElement.OuterHtml);
    }

    [SkippableFact]
    public async Task No_api_list_item_or_csv_shows_a_working_file_or_a_table_name()
    {
        var client = portal.CreateClient();
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/api/v1/openapi.json"));
        var scanned = 0;
        foreach (var route in openApi.RootElement.GetProperty("paths").EnumerateObject())
        {
            // A publisher's draft answers only its key (and holds only what the publisher sent).
            if (!route.Value.TryGetProperty("get", out var get) || route.Name.EndsWith("openapi.json", StringComparison.Ordinal)
                || get.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.EnumerateObject().Any()))
            {
                continue;
            }

            var path = route.Name;
            foreach (var parameter in get.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : default)
            {
                if (parameter.GetProperty("in").GetString() == "path")
                {
                    path = path.Replace($"{{{parameter.GetProperty("name").GetString()}}}", Uri.EscapeDataString(parameter.GetProperty("example").GetString()!), StringComparison.Ordinal);
                }
            }

            path += path.EndsWith("/lookup", StringComparison.Ordinal) ? "?q=" + Uri.EscapeDataString("科克萨拉") : "";
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertShowsNoWorkingFile(path, await response.Content.ReadAsStringAsync());
            scanned++;
        }

        Assert.True(scanned >= 25, $"only {scanned} API routes scanned");
    }

    [SkippableFact]
    public async Task A_document_printed_inside_wusus_budget_disclosure_cites_it_and_links_it()
    {
        var page = await portal.CreateClient().GetPageAsync("/documents/tdcz-2023-11");

        var source = page.QuerySelectorAll("dt").Single(dt => dt.Text() == "出处").NextElementSibling!;
        Assert.Equal("/documents/wusu-2024-budget", source.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("乌苏市财政局《乌苏市2024年政府预算公开》", source.Text());
        Assert.Contains("附件1 分配表", source.Text());
    }

    [SkippableFact]
    public async Task A_project_cites_the_issuer_and_title_of_the_document_that_lists_it_and_the_table_and_row()
    {
        var page = await portal.CreateClient().GetPageAsync("/projects/654202-2024-001");

        var source = page.QuerySelector("dd.citation")!;
        Assert.Equal("/documents/wusu-2024-budget", source.QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("乌苏市财政局《乌苏市2024年政府预算公开》：公告公示（一）", source.Text());
        Assert.EndsWith("第1行", source.Text());
    }

    [SkippableFact]
    public async Task The_documents_api_gives_the_part_and_the_document_it_is_printed_in()
    {
        using var body = JsonDocument.Parse(await portal.CreateClient().GetStringAsync("/api/v1/documents"));
        var items = body.RootElement.GetProperty("items").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);

        Assert.Equal("正文；附件1 分配表；附件2 项目支出绩效目标表", items["xcz-2024-9"].GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, items["xcz-2024-9"].GetProperty("printedInDocumentId").ValueKind);
        Assert.Equal("wusu-2024-budget", items["tdcz-2023-11"].GetProperty("printedInDocumentId").GetString());
    }

    [Theory]
    [InlineData("000_f1063ff7582f38ed.txt: 正文；附件1 分配表", "正文；附件1 分配表")]
    [InlineData("002_a7bfa8886433f7ef.txt: 第六部分 所附文件（约第1537–1616行）：正文", "第六部分 所附文件：正文")]
    [InlineData("002_a7bfa8886433f7ef.txt:1808;1810", "")]
    public void The_part_of_a_source_leaves_out_the_working_file_and_its_lines(string source, string part) =>
        Assert.Equal(part, Citations.Part(source));

    [Fact]
    public void A_note_reads_a_working_file_as_the_original()
    {
        Assert.Equal("原件 第六部分。标题中的空格已去除。", Citations.InPrintedTerms("002_a7bfa8886433f7ef.txt 第六部分（约第1393–1437行）。标题中的空格已去除。"));
    }
}
