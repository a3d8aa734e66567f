using System.Globalization;
using LinkagePortal.Import;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Regions;

/// <summary>
/// Above a county a programme's projects are listed in county then code order, a page of 100 at a time, across as many
/// counties as the page needs: 喀什市 (653101) before 乌苏市 (654202) on the autonomous region's list.
/// </summary>
public sealed class RegionProjectListTests : IDisposable
{
    const string Document = "t11-list-source";
    const int Kashgar = 70;

    const string DocumentHeader = "id,number,title,issuer,issued_on,fund_level,fiscal_year,kind,task,budget_subjects,direct_fund_flag,arose_on,published_at,source,note";
    const string ProjectHeader = "code,programme,fiscal_year,name,county_code,amount_wan,printed_text,derivation,responsible_unit,category,"
        + "construction_content,status,spent_wan,fund_document_ids,source_document_id,source_table,row_no,arose_on,published_at,note";

    readonly PortalFactory portal = new();

    public RegionProjectListTests()
    {
        var directory = TestDatabase.NewDirectory("region-list");
        var documents = Path.Combine(directory, "documents.csv");
        File.WriteAllText(documents, $"{DocumentHeader}\n{Document},,列表测试来源文件,喀什市财政局,2026-05-20,,2026,rules,,,,2026-05-20,,测试,测试记录\n");
        var projects = Path.Combine(directory, "projects.csv");
        File.WriteAllText(projects, ProjectHeader + "\n" + string.Join("\n", Enumerable.Range(1, Kashgar).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"653101-2026-B{i:D3},bond,2026,列表测试项目{i},653101,10,,printed,测试责任单位,,,,,,{Document},测试表,,2026-05-20,,测试记录")))
            + "\n");
        new Importer(portal.Db, TimeProvider.System).Import([documents, projects]);
    }

    public void Dispose() => portal.Dispose();

    static List<string> Codes(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("tr.project td.code").Select(c => c.Text()).ToList();

    [Fact]
    public async Task The_regions_bond_list_runs_through_kashgar_into_wusu_and_pages_on_across_the_county_boundary()
    {
        var client = portal.CreateClient();

        var first = await client.GetPageAsync("/regions/65/projects?programme=bond");
        var codes = Codes(first);
        Assert.Equal(100, codes.Count);
        Assert.Equal(Enumerable.Range(1, Kashgar).Select(i => $"653101-2026-B{i:D3}"), codes.Take(Kashgar));
        Assert.All(codes.Skip(Kashgar), c => Assert.StartsWith("654202-2023-B", c));
        Assert.Equal(codes.Skip(Kashgar).Order(StringComparer.Ordinal), codes.Skip(Kashgar));

        var next = first.QuerySelector("a[rel='next']")!.GetAttribute("href")!;
        var rest = Codes(await client.GetPageAsync(next));
        Assert.Equal(38 - (100 - Kashgar), rest.Count);
        Assert.True(string.CompareOrdinal(rest[0], codes[^1]) > 0);
        Assert.Null((await client.GetPageAsync(next)).QuerySelector("a[rel='next']"));

        // Continuing after a Kashgar project starts inside Kashgar; the prefecture's list holds only its own county.
        Assert.Equal("653101-2026-B070", Codes(await client.GetPageAsync("/regions/65/projects?programme=bond&after=653101-2026-B069"))[0]);
        Assert.Equal(38, Codes(await client.GetPageAsync("/regions/6542/projects?programme=bond")).Count);
    }

    [Fact]
    public async Task The_regions_page_counts_every_bond_project_shows_the_first_50_and_links_to_the_rest()
    {
        var client = portal.CreateClient();
        var page = await client.GetPageAsync("/regions/65");

        var section = page.QuerySelector("section[data-programme='bond']")!;
        Assert.Contains($"{Kashgar + 38}个", section.QuerySelector("h2")!.Text());
        Assert.Contains("列出前50个债券资金项目", section.QuerySelector("summary")!.Text());
        var shown = section.QuerySelectorAll("tr.project td.code").Select(c => c.Text()).ToList();
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"653101-2026-B{i:D3}"), shown);

        var rest = section.QuerySelectorAll("a").Single(a => a.Text() == "查看其余债券资金项目").GetAttribute("href")!;
        Assert.Equal("653101-2026-B051", Codes(await client.GetPageAsync(rest))[0]);
    }
}
