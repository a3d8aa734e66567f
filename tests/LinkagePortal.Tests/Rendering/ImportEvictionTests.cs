using Dapper;
using LinkagePortal.Checks;
using LinkagePortal.Data;
using LinkagePortal.Disclosure;
using LinkagePortal.Tests.Changes;
using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using LinkagePortal.Tests.OpenData;

namespace LinkagePortal.Tests.Rendering;

/// <summary>
/// An import evicts the cached pages of the counties whose records it changed and the pages that show more than one
/// county (a prefecture, the region, home), on the node that ran it and on another node on the same database; other
/// counties' pages go on being served from the cache (they carry an Age header, which only the cache adds), also once
/// the audit and the checks are recomputed for the new data. What an import changed that cannot be placed in counties
/// evicts every page.
/// </summary>
public sealed class ImportEvictionTests
{
    const string TachengProject = "654201-2024-901";

    /// <summary>The contacts file with 乌苏市's address changed.</summary>
    static string WusuContactMoved() =>
        ChangeFiles.Write("contacts.csv", File.ReadAllLines(Path.Combine(TestDatabase.Paths.Data, "contacts.csv"))
            .Select(l => l.Replace("乌苏市财政局,", "乌苏市财政局（新址）,", StringComparison.Ordinal)));

    /// <summary>A project of 塔城市 (the seed's are all 乌苏市's): 654202-2024-001's line under another code and county.</summary>
    static string TachengProjectAdded()
    {
        var lines = File.ReadAllLines(Path.Combine(TestDatabase.Paths.Data, "projects.csv"));
        var line = lines.Single(l => l.StartsWith("654202-2024-001,", StringComparison.Ordinal));
        return ChangeFiles.Write("projects.csv", [lines[0], line.Replace("654202-2024-001,", TachengProject + ",", StringComparison.Ordinal)
            .Replace(",654202,", ",654201,", StringComparison.Ordinal)]);
    }

    /// <summary>Waits for the audit and the checks of the present data, which evict the pages whose figures they change.</summary>
    static async Task BackgroundDoneAsync(PortalFactory node)
    {
        await node.Services.GetRequiredService<TimelinessAudit>().RefreshAsync(CancellationToken.None);
        await node.Services.GetRequiredService<CheckResults>().EnsureCurrentAsync();
    }

    static async Task<HttpClient> WarmAsync(PortalFactory node, params string[] urls)
    {
        await BackgroundDoneAsync(node);
        var client = node.CreateClient();
        foreach (var url in urls)
        {
            await client.GetAsync(url);
            Assert.NotNull((await client.GetAsync(url)).Headers.Age);
        }

        return client;
    }

    static async Task<bool> FromCacheAsync(HttpClient client, string url) => (await client.GetAsync(url)).Headers.Age is not null;

    [Fact]
    public async Task A_changed_contact_re_renders_its_countys_pages_and_leaves_another_countys_in_the_cache()
    {
        using var portal = new PortalFactory();
        ChangeFiles.Import(portal, TachengProjectAdded());
        var wusuProject = $"/projects/{portal.ProjectId("654202-2024-001")}";
        var tachengProject = $"/projects/{portal.ProjectId(TachengProject)}";
        var client = await WarmAsync(portal, "/regions/654202", "/regions/654202200214", wusuProject, "/regions/654201", tachengProject, "/regions/6542", "/");

        ChangeFiles.Import(portal, WusuContactMoved());
        await BackgroundDoneAsync(portal);

        var county = await client.GetAsync("/regions/654202");
        Assert.Null(county.Headers.Age);
        Assert.Contains("通讯地址：乌苏市财政局（新址）", Html.Parse(await county.Content.ReadAsStringAsync()).QuerySelector("ul.contacts")!.Text(), StringComparison.Ordinal);
        Assert.Contains("乌苏市财政局（新址）", (await client.GetPageAsync(wusuProject)).QuerySelector("ul.contacts")!.Text(), StringComparison.Ordinal);
        Assert.False(await FromCacheAsync(client, "/regions/654202200214"));
        Assert.False(await FromCacheAsync(client, "/regions/6542"));
        Assert.False(await FromCacheAsync(client, "/"));
        Assert.True(await FromCacheAsync(client, "/regions/654201"));
        Assert.True(await FromCacheAsync(client, tachengProject));
    }

    [Fact]
    public async Task A_changed_project_shows_at_once_on_its_prefectures_and_the_regions_pages_and_in_the_api()
    {
        using var portal = new PortalFactory();
        var client = await WarmAsync(portal, "/regions/6542", "/regions/65");
        string LinkageOf(string page, string child) =>
            Html.Parse(page).QuerySelectorAll("tr.child").Single(r => r.QuerySelector($"a[href='/regions/{child}']") is not null).QuerySelectorAll("td.num")[0].Text();
        var before = LinkageOf(await client.GetStringAsync("/regions/6542"), "654202");

        ChangeFiles.Import(portal, ChangeFiles.Projects("654202-2024-001", line => line.Replace(",79.71,79.71,", ",80,79.71,", StringComparison.Ordinal)));

        using var connection = portal.Db.Open();
        var total = Money.FormatWan(connection.ExecuteScalar<long>(
            "SELECT SUM(amount_yuan) FROM projects WHERE county_code = '654202' AND programme = 'linkage' AND withdrawn_at IS NULL"));
        var prefecture = LinkageOf(await client.GetStringAsync("/regions/6542"), "654202");
        Assert.NotEqual(before, prefecture);
        Assert.Contains(total, prefecture, StringComparison.Ordinal);
        Assert.Contains(total, LinkageOf(await client.GetStringAsync("/regions/65"), "6542"), StringComparison.Ordinal);
        Assert.Equal(80m, (await client.GetJsonAsync("/api/v1/projects/654202-2024-001")).GetProperty("amountWan").GetDecimal());
    }

    [Fact]
    public async Task Another_node_on_the_same_database_evicts_the_same_pages_when_it_sees_the_import()
    {
        using var first = new PortalFactory();
        using var second = new SameDatabase(first);
        var client = await WarmAsync(second, "/regions/654202", "/regions/654201", "/regions/6542");

        ChangeFiles.Import(first, WusuContactMoved());
        await second.Services.GetRequiredService<DataVersion>().RefreshAsync();
        await BackgroundDoneAsync(second);

        var county = await client.GetAsync("/regions/654202");
        Assert.Null(county.Headers.Age);
        Assert.Contains("乌苏市财政局（新址）", await county.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await FromCacheAsync(client, "/regions/6542"));
        Assert.True(await FromCacheAsync(client, "/regions/654201"));
    }

    [Fact]
    public async Task A_data_version_whose_counties_are_not_recorded_evicts_every_page()
    {
        using var portal = new PortalFactory();
        var client = await WarmAsync(portal, "/regions/654201");

        // As a synthetic load moves it (and any version from before the counties were recorded).
        using (var connection = portal.Db.Open())
        {
            connection.Execute("UPDATE data_version SET version = version + 1 WHERE id = 1");
        }

        await portal.Services.GetRequiredService<DataVersion>().RefreshAsync();
        Assert.False(await FromCacheAsync(client, "/regions/654201"));
    }

    [Fact]
    public async Task A_changed_document_evicts_every_page_as_it_shows_wherever_it_is_cited()
    {
        using var portal = new PortalFactory();
        var client = await WarmAsync(portal, "/regions/654201");

        ChangeFiles.Import(portal, ChangeFiles.Write("documents.csv", File.ReadAllLines(Path.Combine(TestDatabase.Paths.Data, "documents.csv"))
            .Select(l => l.Replace("新财振〔2024〕9号", "新财振〔2024〕9号（更正）", StringComparison.Ordinal))));

        Assert.False(await FromCacheAsync(client, "/regions/654201"));
    }

    /// <summary>A second web node on the first one's database file.</summary>
    sealed class SameDatabase(PortalFactory first) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:DataDirectory", first.DataDirectory);
        }
    }
}
