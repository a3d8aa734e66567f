using LinkagePortal.Records;
using LinkagePortal.Regions;
using LinkagePortal.Rendering;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Rendering;

/// <summary>
/// The project table's rows, written in C# rather than by the template: hostile text in a project's fields and in its
/// places (matched and as printed) stays text, through the seam's encoder.
/// </summary>
public sealed class ProjectRowsTests
{
    const string Hostile = "\"><script>alert(1)</script><img src=x onerror=alert(2)>' {{ Title }}";

    static RegionPage.ProjectSection Section()
    {
        var project = new ProjectRecord
        {
            Id = 7, Code = "654202-2024-" + Hostile, Programme = "linkage", FiscalYear = 2024, Name = "项目" + Hostile,
            CountyCode = "654202", CountyName = "乌苏市", AmountYuan = 797_100, Derivation = "derived",
            ResponsibleUnit = "单位" + Hostile, SourceDocumentId = "d", SourceDocumentName = "d", SourceTable = "t",
        };
        project.Places.Add(new ProjectPlace { Printed = "村" + Hostile, Code = "654202" + Hostile, Name = "村名" + Hostile, MatchKind = "exact" });
        project.Places.Add(new ProjectPlace { Printed = "原文" + Hostile, MatchKind = "unmatched" });
        return new RegionPage.ProjectSection("linkage", "衔接资金项目", 1, 797_100, [project], null);
    }

    [Fact]
    public void Hostile_project_and_place_text_is_shown_as_text_in_the_row()
    {
        var page = Html.Parse(new PageRenderer().RenderPartial("project-table", Section()).Html);

        Assert.Empty(page.QuerySelectorAll("script, img"));
        var row = page.QuerySelector("tr.project")!;
        Assert.Equal("654202-2024-" + Hostile, row.QuerySelector("td.code")!.TextContent);
        Assert.Equal("项目" + Hostile, row.QuerySelector("th a")!.TextContent);
        Assert.Contains("责任单位：单位" + Hostile, row.QuerySelector("span.unit")!.TextContent);
        var place = row.QuerySelectorAll("td")[1];
        Assert.Equal("/regions/654202" + Hostile, place.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("村名" + Hostile + " 原文" + Hostile + " ", place.TextContent);
        Assert.Equal("79.71\u00a0万元 （推算）", row.QuerySelector("td.amount")!.TextContent);
    }

    [Fact]
    public void The_rows_use_the_seams_encoder_so_that_switching_it_off_lets_the_markup_through()
    {
        var unencoded = Html.Parse(new PageRenderer(AppContext.BaseDirectory, text => text).RenderPartial("project-table", Section()).Html);

        Assert.NotEmpty(unencoded.QuerySelectorAll("script"));
    }
}
