using Dapper;
using LinkagePortal.Tests.Documents;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Regions;

/// <summary>
/// A prefecture page charts what each county received per document; a county page, per document, what it received
/// against what its listed projects detail. Each chart's table equals the figures summed straight from the tables.
/// </summary>
public class RegionChartTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableFact]
    public async Task Tacheng_charts_each_countys_allocations_per_document_as_the_allocations_sum_them()
    {
        var page = await portal.CreateClient().GetPageAsync("/regions/6542");
        using var connection = TestDatabase.SeededSqlite().Open();
        var expected = connection.Query<(string County, string Document, long Yuan)>("""
            SELECT c.short_name, COALESCE(d.number, d.title), SUM(a.amount_yuan)
            FROM allocations a JOIN regions c ON c.code = a.region_code JOIN documents d ON d.id = a.document_id
            WHERE c.parent_code = '6542' AND a.part_of_task IS NULL
            GROUP BY c.short_name, d.number, d.title
            """).ToHashSet();

        var chart = page.QuerySelector("section[aria-labelledby=allocations] figure.chart#chart-counties")!;
        DocumentChartTests.AssertAccessibleSvg(chart);
        var documents = chart.QuerySelectorAll("thead th").Skip(1).Select(th => th.Text()).ToList();
        var cells = chart.QuerySelectorAll("tbody tr").SelectMany(r => r.QuerySelectorAll("td").Select((td, i) => (County: r.QuerySelector("th")!.Text(), Document: documents[i], Text: td.Text())))
            .Where(c => c.Text != "—").Select(c => (c.County, c.Document, DocumentChartTests.Yuan(c.Text))).ToHashSet();
        Assert.Equal(expected, cells);
        Assert.Equal(expected.Count, chart.QuerySelectorAll("svg rect").Length - documents.Count);
    }

    [SkippableFact]
    public async Task Wusu_charts_the_money_it_received_against_the_money_its_listed_projects_detail()
    {
        var page = await portal.CreateClient().GetPageAsync("/regions/654202");
        using var connection = TestDatabase.SeededSqlite().Open();
        var received = connection.Query<(string Document, long Yuan)>("""
            SELECT COALESCE(d.number, d.title), SUM(a.amount_yuan) FROM allocations a JOIN documents d ON d.id = a.document_id
            WHERE a.region_code = '654202' AND a.part_of_task IS NULL GROUP BY d.number, d.title
            """).ToDictionary(r => r.Document, r => r.Yuan);
        var detailed = connection.Query<(string Document, long Yuan)>("""
            SELECT COALESCE(d.number, d.title), SUM(p.amount_yuan) FROM projects p JOIN project_funds f ON f.project_id = p.id JOIN documents d ON d.id = f.document_id
            WHERE p.county_code = '654202' AND p.programme = CASE WHEN d.kind = 'bond' THEN 'bond' ELSE 'linkage' END GROUP BY d.number, d.title
            """).ToDictionary(r => r.Document, r => r.Yuan);

        var chart = page.QuerySelector("figure.chart#chart-received")!;
        DocumentChartTests.AssertAccessibleSvg(chart);
        Assert.Equal(["文件", "收到的资金", "细化到所列项目"], chart.QuerySelectorAll("thead th").Select(th => th.Text()));
        var rows = chart.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.Text(),
            r => r.QuerySelectorAll("td").Select(td => DocumentChartTests.Yuan(td.Text())).ToArray());
        Assert.Equal(received.Keys.Order(), rows.Keys.Order());
        Assert.All(rows, r => Assert.Equal([received[r.Key], detailed.GetValueOrDefault(r.Key)], r.Value));
        Assert.Contains(rows.Values, v => v[1] > 0);
    }

    [SkippableFact]
    public async Task A_village_page_has_no_chart()
    {
        var page = await portal.CreateClient().GetPageAsync("/regions/654202");
        var village = page.QuerySelector("section[aria-labelledby=children] a[href^='/regions/654202']")!.GetAttribute("href")!;
        Assert.Null((await portal.CreateClient().GetPageAsync(village)).QuerySelector("figure.chart"));
    }
}
