using System.Net;
using System.Text.RegularExpressions;
using LinkagePortal.Rendering;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Rendering;

/// <summary>
/// What the layout gives every page: a favicon, a description of its own, style sheets at fingerprinted addresses
/// cached for a year, and the large-type switch that stays on without changing any page's cached HTML.
/// </summary>
public sealed partial class LayoutTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>One page of each kind.</summary>
    public static readonly string[] PageTypes =
    [
        "/", "/regions/65", "/regions/6542", "/regions/654202", "/regions/654202109200", "/regions/654202/projects?programme=bond",
        "/projects/654202-2024-010", "/documents", "/documents/xcz-2024-9", "/announcements", "/announcements/wusu-2024-gs-1",
        "/search?q=党家庄村", "/hotline", "/hotline/counties/654202", "/disclosure", "/checks", "/datasets", "/datasets/dictionary",
        "/about", "/no-such-page",
    ];

    [Fact]
    public async Task The_favicon_is_served_at_the_address_browsers_ask_for_and_linked_from_every_page()
    {
        var client = portal.CreateClient();
        var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, (await ico.Content.ReadAsByteArrayAsync())[..4]);

        var page = await client.GetPageAsync("/");
        var icon = page.QuerySelector("link[rel=icon][type='image/svg+xml']")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(icon)).StatusCode);
    }

    [Fact]
    public async Task Every_kind_of_page_has_a_description_of_its_own()
    {
        var client = portal.CreateClient();
        var descriptions = new Dictionary<string, string>();
        foreach (var path in PageTypes)
        {
            var response = await client.GetAsync(path);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            var description = page.QuerySelector("meta[name=description]")?.GetAttribute("content");
            Assert.False(string.IsNullOrWhiteSpace(description), $"{path} has no description");
            Assert.InRange(description!.Length, 20, 160);
            descriptions[path] = description;
        }

        Assert.Equal(PageTypes.Length, descriptions.Values.Distinct().Count());
        Assert.Contains("乌苏市", descriptions["/regions/654202"]);
        Assert.Contains("新财振〔2024〕9号", descriptions["/documents/xcz-2024-9"]);
    }

    [Fact]
    public async Task Style_sheets_are_linked_by_their_content_hash_and_cached_for_a_year_only_under_it()
    {
        var client = portal.CreateClient();
        var page = await client.GetPageAsync("/");
        var site = page.QuerySelector("link[rel=stylesheet][href^='/css/site.css']")!.GetAttribute("href")!;
        var print = page.QuerySelector("link[rel=stylesheet][media=print]")!.GetAttribute("href")!;
        Assert.Matches(@"^/css/site\.css\?v=[0-9a-f]{12}$", site);
        Assert.Matches(@"^/css/print\.css\?v=[0-9a-f]{12}$", print);

        var css = await client.GetAsync(site);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(StaticAssets.Forever, css.Headers.CacheControl!.ToString());
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await css.Content.ReadAsByteArrayAsync()))[..12];
        Assert.EndsWith(expected, site);

        foreach (var other in new[] { "/css/site.css", "/css/site.css?v=000000000000" })
        {
            Assert.Equal(StaticAssets.Briefly, (await client.GetAsync(other)).Headers.CacheControl!.ToString());
        }
    }

    [Fact]
    public async Task Large_type_stays_on_through_a_cookie_while_every_page_stays_the_same_for_the_cache()
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var before = await client.GetStringAsync("/regions/654202");
        var link = Html.Parse(before).QuerySelector("a.when-standard")!;
        Assert.Equal("长辈版（大字）", link.TextContent);

        var switchOn = new HttpRequestMessage(HttpMethod.Get, link.GetAttribute("href"));
        switchOn.Headers.Referrer = new Uri("http://localhost/regions/654202?x=1");
        var on = await client.SendAsync(switchOn);
        Assert.Equal(HttpStatusCode.Found, on.StatusCode);
        Assert.Equal("/regions/654202?x=1", on.Headers.Location!.OriginalString);
        var cookie = Assert.Single(on.Headers.GetValues("Set-Cookie"));
        Assert.Matches("^large-type=1;.*max-age=31536000", cookie);

        var withCookie = new HttpRequestMessage(HttpMethod.Get, "/regions/654202");
        withCookie.Headers.Add("Cookie", "large-type=1");
        Assert.Equal(before, await (await client.SendAsync(withCookie)).Content.ReadAsStringAsync());

        var sheet = new HttpRequestMessage(HttpMethod.Get, LargeType.StyleSheet);
        sheet.Headers.Add("Cookie", "large-type=1");
        var large = await client.SendAsync(sheet);
        Assert.Contains("font-size: 137.5%", await large.Content.ReadAsStringAsync());
        Assert.Equal("text/css", large.Content.Headers.ContentType!.MediaType);
        Assert.Contains("private", large.Headers.CacheControl!.ToString());
        Assert.Contains("Cookie", large.Headers.Vary);
        Assert.DoesNotContain("font-size", await client.GetStringAsync(LargeType.StyleSheet));

        var off = await client.GetAsync(LargeType.Switch + "?on=0");
        Assert.Equal("/", off.Headers.Location!.OriginalString);
        Assert.Matches("^large-type=;.*expires=Thu, 01 Jan 1970", Assert.Single(off.Headers.GetValues("Set-Cookie")));
    }

    [Fact]
    public async Task The_switch_sends_a_reader_back_only_to_a_page_of_this_site()
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var referer in new[] { "https://evil.example/x", "http://localhost//evil.example/x" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, LargeType.Switch + "?on=1");
            request.Headers.Referrer = new Uri(referer);
            Assert.Equal("/", (await client.SendAsync(request)).Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Every_link_to_a_place_on_another_page_finds_it()
    {
        var client = portal.CreateClient();
        var checkedLinks = 0;
        foreach (var path in PageTypes.Where(p => p != "/no-such-page"))
        {
            var page = await client.GetPageAsync(path);
            foreach (var href in page.QuerySelectorAll("a[href^='/'][href*='#']").Select(a => a.GetAttribute("href")!).Distinct())
            {
                var target = href.Split('#');
                var linked = await client.GetPageAsync(target[0]);
                Assert.True(linked.GetElementById(Uri.UnescapeDataString(target[1])) is not null, $"{path} links to {href}, which has no such place");
                checkedLinks++;
            }
        }

        Assert.True(checkedLinks > 0, "no page linked to a place on another page");
        Assert.Matches(DisclosureAnchor(), (await client.GetStringAsync("/regions/65")));
    }

    [GeneratedRegex("href=\"/disclosure#[a-z]+-65\"")]
    private static partial Regex DisclosureAnchor();
}
