using System.Globalization;
using AngleSharp.Dom;
using Dapper;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Documents;

/// <summary>
/// The region-wide documents 新财振〔2024〕9号 and 18号 chart their allocations by prefecture as server-drawn SVG, with a
/// data table whose figures are the sums of the allocation table's county cells (the "其中" column left out).
/// </summary>
public class DocumentChartTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    const string ByPrefecture = """
        SELECT p.short_name AS Name, SUM(a.amount_yuan) AS Yuan
        FROM allocations a JOIN regions c ON c.code = a.region_code JOIN regions p ON p.code = c.parent_code
        WHERE a.document_id = @id AND a.part_of_task IS NULL
        GROUP BY p.code, p.short_name ORDER BY p.code
        """;

    /// <summary>A figure written in 万元 (“12,345.6”) as yuan.</summary>
    public static long Yuan(string wan) => (long)(decimal.Parse(wan.Replace(",", ""), CultureInfo.InvariantCulture) * 10000);

    /// <summary>The chart's accessible name and description resolve to its own title and desc, and it carries no inline style.</summary>
    public static void AssertAccessibleSvg(IElement chart)
    {
        var svg = chart.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
        Assert.Equal(["title", "desc"], labelledBy.Select(id => svg.QuerySelector($"[id='{id}']")!.LocalName));
        Assert.All(labelledBy, id => Assert.NotEmpty(svg.QuerySelector($"[id='{id}']")!.TextContent.Trim()));
        Assert.Null(chart.QuerySelector("[style], script"));
    }

    [SkippableTheory]
    [InlineData("xcz-2024-9", 14)]
    [InlineData("xcz-2024-18", 12)]
    public async Task A_region_document_charts_its_allocations_by_prefecture_with_a_table_of_the_allocation_sums(string id, int prefectures)
    {
        var page = await portal.CreateClient().GetPageAsync("/documents/" + id);
        using var connection = TestDatabase.SeededSqlite().Open();
        var expected = connection.Query<(string Name, long Yuan)>(ByPrefecture, new { id }).ToList();

        var chart = page.QuerySelector("figure.chart#chart-prefectures")!;
        AssertAccessibleSvg(chart);
        Assert.Equal(prefectures, chart.QuerySelectorAll("svg rect").Length);
        var rows = chart.QuerySelectorAll("table.chart-table tbody tr")
            .Select(r => (r.QuerySelector("th")!.Text(), Yuan(r.QuerySelector("td")!.Text()))).ToList();
        Assert.Equal(prefectures, rows.Count);
        Assert.Equal(expected, rows);
        Assert.Contains(Money.FormatWan(expected.Sum(e => e.Yuan)) + " 万元", chart.QuerySelector("desc")!.Text());
    }

    [SkippableFact]
    public async Task A_prefecture_document_has_no_prefecture_chart()
    {
        var page = await portal.CreateClient().GetPageAsync("/documents/tdcz-2023-11");
        Assert.Null(page.QuerySelector("#chart-prefectures"));
    }
}
