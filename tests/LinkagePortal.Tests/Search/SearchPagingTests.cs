using AngleSharp.Dom;
using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LinkagePortal.Tests.Search;

/// <summary>
/// A name many villages share: the search says how many matched in all, pages through every one of them, and groups
/// them by county (with the township beside each); a prefecture or county named first, full or short, with or
/// without a space, narrows the search to it.
/// </summary>
public class SearchPagingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // 一连生活区: 128 villages of that name in the division data, across many counties.
    const string Shared = "一连生活区";

    static string Q(string text, int? page = null) => $"/search?q={Uri.EscapeDataString(text)}{(page is null ? "" : $"&page={page}")}";

    static int Total(IDocument page) => int.Parse(page.QuerySelector("#found-regions .total")!.Text());

    [SkippableFact]
    public async Task A_name_shared_by_many_villages_shows_the_total_and_groups_them_by_county()
    {
        var page = await portal.CreateClient().GetPageAsync(Q(Shared));

        var total = Total(page);
        Assert.True(total >= 128, $"total {total}");
        var groups = page.QuerySelectorAll("section.region-group").ToList();
        Assert.True(groups.Count > 1);
        Assert.Equal(groups.Count, groups.Select(g => g.GetAttribute("data-county")).Distinct().Count());
        foreach (var group in groups)
        {
            var county = group.GetAttribute("data-county")!;
            Assert.All(group.QuerySelectorAll("li.region-hit a"), a => Assert.StartsWith($"/regions/{county}", a.GetAttribute("href")));
            Assert.Contains("›", group.QuerySelector("h3")!.Text());
        }

        Assert.Equal(20, page.QuerySelectorAll("li.region-hit").Length);
    }

    [SkippableFact]
    public async Task Every_match_is_reached_through_the_page_links_once()
    {
        var client = portal.CreateClient();
        var first = await client.GetPageAsync(Q(Shared));
        var total = Total(first);
        var links = first.QuerySelectorAll("nav.pagination a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal((total + 19) / 20 - 1, links.Count);

        var seen = first.QuerySelectorAll("li.region-hit a").Select(a => a.GetAttribute("href")!).ToList();
        foreach (var link in links)
        {
            var page = await client.GetPageAsync(link);
            Assert.Equal(total, Total(page));
            seen.AddRange(page.QuerySelectorAll("li.region-hit a").Select(a => a.GetAttribute("href")!));
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [SkippableFact]
    public async Task A_total_cut_at_the_candidates_bound_says_at_least()
    {
        // Every division whose code starts 65420 (塔城地区's counties and all below them): far more than are read.
        var page = await portal.CreateClient().GetPageAsync(Q("65420"));

        Assert.Contains("至少", page.QuerySelector("#found-regions")!.Text());
        Assert.Equal(20, page.QuerySelectorAll("li.region-hit").Length);
    }

    [SkippableTheory]
    [InlineData("0")]
    [InlineData("two")]
    [InlineData("-1")]
    public async Task A_page_number_that_is_not_one_or_more_is_a_400_naming_page(string page)
    {
        var response = await portal.CreateClient().GetAsync($"{Q(Shared)}&page={page}");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("page", await response.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [InlineData("乌苏市西湖镇")]
    [InlineData("乌苏 西湖镇")]
    [InlineData("乌苏西湖镇")]
    [InlineData("塔城地区西湖镇")]
    [InlineData("塔城 西湖镇")]
    public async Task A_county_or_prefecture_named_first_full_or_short_finds_the_place_inside_it(string query)
    {
        var page = await portal.CreateClient().GetPageAsync(Q(query));

        var found = page.QuerySelectorAll("li.region-hit a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/regions/654202108", found);
        Assert.All(found, href => Assert.StartsWith("/regions/654202", href));
    }

    [SkippableFact]
    public async Task A_prefecture_and_a_village_name_finds_only_the_village_in_that_prefecture()
    {
        var page = await portal.CreateClient().GetPageAsync(Q("塔城西湖村"));

        // 西湖村 is also a village of 英吉沙县 (Kashgar): only Wusu's is in 塔城地区.
        var found = page.QuerySelectorAll("li.region-hit a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/regions/654202108214", found);
        Assert.All(found, href => Assert.StartsWith("/regions/6542", href));
        Assert.Equal(found.Count, Total(page));
    }
}
