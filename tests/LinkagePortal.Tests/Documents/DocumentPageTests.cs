using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Documents;

/// <summary>新财振〔2024〕9号 as printed: 93 counties under 14 printed prefecture subtotals, 200000 in all, the unreadable figures marked.</summary>
public class DocumentPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableFact]
    public async Task Document9_shows_all_93_counties_the_14_prefecture_subtotals_and_200000()
    {
        var page = await portal.CreateClient().GetPageAsync("/documents/xcz-2024-9");

        Assert.StartsWith("新财振〔2024〕9号", page.QuerySelector("h1")!.Text());
        var table = Assert.Single(page.QuerySelectorAll("section.allocation-table table"));
        Assert.Equal(93, table.QuerySelectorAll("tbody tr.county").Length);
        Assert.Equal(14, table.QuerySelectorAll("tbody tr.subtotal").Length);
        var total = Assert.Single(table.QuerySelectorAll("tbody tr.total"));
        Assert.Equal("200,000", total.QuerySelector("td.num")!.Text());
        Assert.Contains("万元", table.QuerySelector("caption")!.Text());
    }

    [SkippableFact]
    public async Task Every_printed_subtotal_is_checked_against_its_counties_and_agrees()
    {
        var page = await portal.CreateClient().GetPageAsync("/documents/xcz-2024-9");

        var checks = page.QuerySelectorAll("tr.subtotal td.check, tr.total td.check").ToList();
        Assert.Equal(15, checks.Count);
        Assert.All(checks, c => Assert.NotNull(c.QuerySelector(".check-ok")));
        Assert.Empty(page.QuerySelectorAll(".check-fails"));
        var tacheng = page.QuerySelectorAll("tr.subtotal").Single(r => r.GetAttribute("data-region") == "6542");
        Assert.Equal("7,550", tacheng.QuerySelector("td.num")!.Text());
    }

    [SkippableFact]
    public async Task The_four_derived_figures_and_the_corrected_one_are_marked_with_how_they_were_obtained()
    {
        var page = await portal.CreateClient().GetPageAsync("/documents/xcz-2024-9");

        var derived = page.QuerySelectorAll("td[data-derivation='derived']").ToList();
        Assert.Equal(["650106", "654003", "654323", "650422"], derived.Select(c => c.ParentElement!.GetAttribute("data-region")));
        foreach (var cell in derived)
        {
            var link = cell.QuerySelector("a.derivation")!;
            Assert.StartsWith("推算", link.Text());
            var note = page.GetElementById(link.GetAttribute("href")!.TrimStart('#'))!;
            Assert.Contains("推算", note.Text());
            Assert.Contains("小计", note.Text());
        }

        var tuokexun = derived.Single(c => c.ParentElement!.GetAttribute("data-region") == "650422");
        Assert.StartsWith("942", tuokexun.Text());

        var corrected = Assert.Single(page.QuerySelectorAll("td[data-derivation='corrected']"));
        Assert.StartsWith("800", corrected.Text());
        var correctedNote = page.GetElementById(corrected.QuerySelector("a.derivation")!.GetAttribute("href")!.TrimStart('#'))!;
        Assert.Contains("8O0", correctedNote.Text());
    }

    [SkippableFact]
    public async Task A_county_row_names_the_official_county_and_keeps_the_printed_spelling()
    {
        var page = await portal.CreateClient().GetPageAsync("/documents/xcz-2024-9");

        var row = page.QuerySelectorAll("tr.county").Single(r => r.GetAttribute("data-region") == "652323");
        Assert.Equal("/regions/652323", row.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Equal("呼图壁县", row.QuerySelector("th a")!.Text());
        Assert.Contains("日图壁县", row.QuerySelector("th .printed")!.Text());
    }

    [SkippableFact]
    public async Task A_rules_document_shows_its_date_as_printed()
    {
        var page = await portal.CreateClient().GetPageAsync("/documents/xcz-2024-1");

        var date = page.QuerySelectorAll("dl.facts time").First();
        Assert.Equal("2024年1月26日", date.Text());
        Assert.Equal("2024-01-26", date.GetAttribute("datetime"));
    }

    [SkippableFact]
    public async Task A_document_with_several_tasks_has_a_column_per_task_and_the_all_tasks_total()
    {
        var page = await portal.CreateClient().GetPageAsync("/documents/tdcz-2023-11");

        var headers = page.QuerySelectorAll("section.allocation-table thead th").Select(h => h.Text()).ToList();
        Assert.Equal("合计（全部任务）", headers[1]);
        Assert.Contains("少数民族发展任务", headers);
        var wusu = page.QuerySelectorAll("tr.county").Single(r => r.GetAttribute("data-region") == "654202");
        Assert.Equal("3,460", wusu.QuerySelector("td.num")!.Text());
    }

    [SkippableFact]
    public async Task An_unknown_document_is_a_chinese_404()
    {
        var response = await portal.CreateClient().GetAsync("/documents/xcz-2099-1");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("页面不存在（404）", Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")!.Text());
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class DocumentPageTestsOnSqlServer(SqlServerPortal portal) : DocumentPageTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
