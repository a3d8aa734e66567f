using AngleSharp.Dom;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Regions;

/// <summary>
/// A village page outside the county the documents detail: its county's money by document, the county's project list
/// or the statement that it has none, the county's disclosure status, and whom to call or the plain statement that no
/// document prints it. Also the order of a county page's sections and the index at <c>/regions</c>.
/// </summary>
public class VillagePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // 燕儿窝南社区 (天山区): 新财振〔2024〕9号 allocates 114 万元 to 天山区, which has listed no project and printed no telephone.
    const string TianshanVillage = "650102002002";

    static string Flat(IElement element) => element.Text().Replace('\u00a0', ' ');

    [SkippableFact]
    public async Task A_village_in_a_county_the_documents_do_not_detail_shows_its_countys_money_by_document()
    {
        var page = await portal.CreateClient().GetPageAsync($"/regions/{TianshanVillage}");

        var money = page.QuerySelector("section[aria-labelledby='allocations']")!;
        Assert.Contains("天山区", money.QuerySelector("h2")!.Text());
        Assert.Contains("新财振〔2024〕9号 114 万元", Flat(money.QuerySelector(".county-received")!));
        var row = money.QuerySelectorAll("table.allocations tbody tr").Single();
        Assert.Equal("/documents/xcz-2024-9", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("114 万元", Flat(row.QuerySelector("td.num")!));
        Assert.Contains("巩固拓展脱贫攻坚成果和乡村振兴任务", row.QuerySelector("th")!.Text());
    }

    [SkippableFact]
    public async Task A_village_in_a_county_with_no_project_list_says_so_and_shows_the_countys_disclosure_status()
    {
        var page = await portal.CreateClient().GetPageAsync($"/regions/{TianshanVillage}");

        Assert.Contains("天山区还没有公布衔接资金项目清单", page.QuerySelector(".no-projects")!.Text());
        Assert.Contains("列出的衔接资金项目：0 个", page.QuerySelector(".county-received")!.Text());
        Assert.NotNull(page.QuerySelector(".county-received a[href='#county-checks-650102']"));
        var disclosure = page.QuerySelector("section.disclosure-summary")!;
        Assert.Contains("天山区", disclosure.Text());
        Assert.Equal("/disclosure#region-650102", disclosure.QuerySelector("a[href^='/disclosure']")!.GetAttribute("href"));
        var detailing = page.QuerySelector("section.county-checks ul[data-check='detailing'] li")!;
        Assert.Equal("650102", detailing.GetAttribute("data-subject"));
        Assert.Contains("114 万元", detailing.Text());
    }

    [SkippableFact]
    public async Task A_village_whose_county_printed_no_telephone_says_so_plainly()
    {
        var page = await portal.CreateClient().GetPageAsync($"/regions/{TianshanVillage}");

        var contacts = page.QuerySelector("section[aria-labelledby='contacts']")!;
        Assert.Empty(contacts.QuerySelectorAll("a[href^='tel:']"));
        Assert.Contains("没有印出天山区的监督电话", contacts.QuerySelector(".no-contact")!.Text());
        Assert.DoesNotContain("请拨打", contacts.Text());
    }

    [SkippableFact]
    public async Task A_village_of_wusu_points_to_where_its_countys_notices_are_published()
    {
        var page = await portal.CreateClient().GetPageAsync("/regions/654202109200");

        Assert.Contains("0992-8508532", page.QuerySelectorAll("#contacts ~ * a[href^='tel:']").Select(a => a.Text()));
        Assert.Equal("654202", page.QuerySelector("section.disclosure-summary h2")!.Id!["disclosure-summary-".Length..]);
        Assert.Contains("塔地财振〔2023〕11号", page.QuerySelector(".county-received")!.Text());
    }

    [SkippableFact]
    public async Task A_village_with_no_project_of_its_own_shows_its_countys_list_nearby()
    {
        // 西湖村 (乌苏市西湖镇) has no listed project; 乌苏市 lists 13 linkage-fund projects.
        var page = await portal.CreateClient().GetPageAsync("/regions/654202108214");

        var county = page.QuerySelector("section[data-programme='linkage'] details.county-projects")!;
        Assert.Contains("乌苏市", county.QuerySelector("summary")!.Text());
        Assert.Equal(13, county.QuerySelectorAll("tr.project").Length);
        Assert.Contains("没有位于西湖村的衔接资金项目", page.QuerySelector("section[data-programme='linkage']")!.Text());
    }

    [SkippableFact]
    public async Task A_county_page_puts_the_hotline_then_linkage_projects_then_notices_before_allocations_and_bonds()
    {
        var page = await portal.CreateClient().GetPageAsync("/regions/654202");

        var order = page.QuerySelectorAll("main h2").Select(h => h.Id).ToList();
        Assert.Equal(["contacts", "projects-linkage", "announcements", "allocations", "projects-bond", "children"], order.Take(6));
        var bonds = page.QuerySelector("section[data-programme='bond'] details > summary")!;
        Assert.Contains("38", bonds.Text());
        Assert.Equal(38, page.QuerySelectorAll("section[data-programme='bond'] details tr.project").Length);
        // The townships stay open: they are the way to every village.
        Assert.Equal(33, page.QuerySelectorAll("section[aria-labelledby='children'] tr.child").Length);
        Assert.Null(page.QuerySelector("section[aria-labelledby='children'] details"));
    }

    [SkippableFact]
    public async Task Prefecture_and_region_pages_lead_with_the_hotline()
    {
        var client = portal.CreateClient();
        foreach (var code in new[] { "6542", "65" })
        {
            var page = await client.GetPageAsync($"/regions/{code}");
            Assert.Equal("contacts", page.QuerySelector("main h2")!.Id);
        }
    }

    [SkippableFact]
    public async Task The_regions_index_lists_every_prefecture_and_its_counties()
    {
        var page = await portal.CreateClient().GetPageAsync("/regions");

        Assert.Equal(15, page.QuerySelectorAll("section.region-index").Length);
        var tacheng = page.QuerySelector("#prefecture-6542")!.ParentElement!;
        Assert.Contains(tacheng.QuerySelectorAll("li a"), a => a.GetAttribute("href") == "/regions/654202" && a.Text() == "乌苏市");
        Assert.Equal(108, page.QuerySelectorAll("section.region-index li a").Length);
    }
}
