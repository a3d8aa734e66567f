using System.Net;
using System.Text;
using System.Text.Json;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Disclosure;

/// <summary>
/// The audit on the seeded data plus a few test records with dates (the real ones mostly have none), with the clock
/// at 2026-06-01 12:00 Beijing: the figures add up county → prefecture → region, the late and overdue records are
/// listed (overdue ones without anything that would reveal them), and page, JSON and CSV agree.
/// </summary>
public class DisclosureAuditTests : IClassFixture<DisclosureAuditTests.Portal>
{
    readonly Portal portal;

    public DisclosureAuditTests(Portal portal) => this.portal = portal;

    /// <summary>The same portal on a fresh SQL Server database (LINKAGE_SQLSERVER).</summary>
    public sealed class OnSqlServerPortal() : Portal(LinkagePortal.Data.DatabaseProvider.SqlServer);

    /// <summary>The seeded database with: on time, late (10 days), overdue and due records in three counties and one prefecture.</summary>
    public class Portal : ClockedPortalFactory
    {
        public Portal() : this(LinkagePortal.Data.DatabaseProvider.Sqlite)
        {
        }

        protected Portal(LinkagePortal.Data.DatabaseProvider provider) : base(provider)
        {
            if (!IsAvailable)
            {
                return;
            }

            TestRecords.Import(this,
                TestRecords.Projects(
                    ("T5-ONTIME", "654202", "测试按时项目", "2026-04-01", "2026-04-15T10:00:00+08:00", 1),
                    ("T5-LATE", "654202", "测试逾期项目", "2026-04-01", "2026-05-01T10:00:00+08:00", 1),
                    ("T5-OVERDUE", "653129", "测试未公开项目甲", "2026-04-01", "2026-07-01T10:00:00+08:00", 1)),
                TestRecords.Announcements(("t5-due", "654221", "测试未到期公告", "2026-05-25", "2026-07-01T10:00:00+08:00")),
                TestRecords.Documents(("t5-prefecture-doc", "测试地区文件", "塔城地区财政局", "2026-04-01", "2026-04-30T10:00:00+08:00")));
        }
    }

    static JsonElement Counts(JsonElement area, string set = "publication") => area.GetProperty(set);

    static (int, int, int, int, int, int) Tuple(JsonElement counts) => (
        counts.GetProperty("onTime").GetInt32(), counts.GetProperty("late").GetInt32(), counts.GetProperty("overdue").GetInt32(),
        counts.GetProperty("due").GetInt32(), counts.GetProperty("cannotTell").GetInt32(), counts.GetProperty("total").GetInt32());

    static (int, int, int, int, int, int) Sum(IEnumerable<JsonElement> areas, string set) => areas.Select(a => Tuple(Counts(a, set)))
        .Aggregate((0, 0, 0, 0, 0, 0), (s, c) => (s.Item1 + c.Item1, s.Item2 + c.Item2, s.Item3 + c.Item3, s.Item4 + c.Item4, s.Item5 + c.Item5, s.Item6 + c.Item6));

    async Task<JsonElement> Json()
    {
        using var client = portal.CreateClient();
        var text = await client.GetStringAsync("/api/v1/disclosure");
        return JsonDocument.Parse(text).RootElement;
    }

    [SkippableFact]
    public async Task County_and_prefecture_figures_add_up_to_the_region_total()
    {
        var report = await Json();
        var prefectures = report.GetProperty("prefectures").EnumerateArray().ToList();
        var counties = report.GetProperty("counties").EnumerateArray().ToList();

        foreach (var set in new[] { "publication", "chain" })
        {
            Assert.Equal(Tuple(Counts(report.GetProperty("region"), set)), Sum(prefectures, set));
            foreach (var prefecture in prefectures.Where(p => !p.GetProperty("ownLevel").GetBoolean()))
            {
                var code = prefecture.GetProperty("code").GetString();
                var under = counties.Where(c => c.GetProperty("parentCode").GetString() == code).ToList();
                Assert.True(Tuple(Counts(prefecture, set)) == Sum(under, set), $"{set}: prefecture {code} is not the sum of its {under.Count} county rows");
            }
        }

        // 271 curated records (12 documents, 182 allocations, 51 projects, 2 announcements, 24 targets), none with both
        // dates, plus the five test records.
        Assert.Equal((1, 2, 1, 1, 271, 276), Tuple(Counts(report.GetProperty("region"))));
        var wusu = counties.Single(c => c.GetProperty("code").GetString() == "654202");
        Assert.Equal(1, Counts(wusu).GetProperty("onTime").GetInt32());
        Assert.Equal(1, Counts(wusu).GetProperty("late").GetInt32());
        var tachengOwn = counties.Single(c => c.GetProperty("code").GetString() == "6542" && c.GetProperty("ownLevel").GetBoolean());
        Assert.Equal(1, Counts(tachengOwn).GetProperty("late").GetInt32());
    }

    [SkippableFact]
    public async Task Late_records_are_listed_with_their_links_and_overdue_ones_without_anything_that_reveals_them()
    {
        var report = await Json();
        var late = report.GetProperty("late").EnumerateArray().ToList();
        Assert.Equal(["/documents/t5-prefecture-doc", "/projects/T5-LATE"], late.Select(i => i.GetProperty("url").GetString()!).Order());
        var lateProject = late.Single(i => i.GetProperty("kind").GetString() == "projects");
        Assert.Equal(10, lateProject.GetProperty("deadline").GetProperty("daysLate").GetInt32());
        Assert.Equal("2026-04-21", lateProject.GetProperty("deadline").GetProperty("dueOn").GetString());

        var overdue = Assert.Single(report.GetProperty("overdue").EnumerateArray());
        Assert.Equal("projects", overdue.GetProperty("kind").GetString());
        Assert.Equal("653129", overdue.GetProperty("countyCode").GetString());
        Assert.Equal("2026-04-21", overdue.GetProperty("deadline").GetProperty("dueOn").GetString());
        Assert.Equal(JsonValueKind.Null, overdue.GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.Null, overdue.GetProperty("url").ValueKind);

        // Nothing anywhere in the audit names the embargoed records.
        using var client = portal.CreateClient();
        foreach (var path in new[] { "/api/v1/disclosure", "/disclosure", "/api/v1/disclosure.csv", "/api/v1/disclosure/items.csv" })
        {
            var body = await client.GetStringAsync(path);
            Assert.DoesNotContain("T5-OVERDUE", body);
            Assert.DoesNotContain("测试未公开项目甲", body);
            Assert.DoesNotContain("t5-due", body);
            Assert.DoesNotContain("测试未到期公告", body);
        }
    }

    [SkippableFact]
    public async Task The_page_shows_the_same_figures_the_late_record_linked_and_the_overdue_one_unlinked()
    {
        using var client = portal.CreateClient();
        var page = await client.GetPageAsync("/disclosure");
        Assert.Equal("公开时限核查", page.QuerySelector("h1")!.Text());

        var clocks = page.QuerySelector("table.clock-table")!;
        var calendar = clocks.QuerySelectorAll("tbody tr").Skip(1).Append(clocks.QuerySelector("tfoot tr")!).Select(r => r.QuerySelectorAll("td")[0].Text());
        Assert.Equal(["1", "2", "1", "1", "271", "276"], calendar);

        var late = page.QuerySelector("section[aria-labelledby=late-calendar]")!;
        Assert.Contains("/projects/T5-LATE", late.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var overdue = late.QuerySelector("ul.overdue-items")!;
        Assert.Empty(overdue.QuerySelectorAll("a"));
        Assert.Contains("伽师县", overdue.Text());
        Assert.Contains("2026年4月21日", overdue.Text());

        // The page leads with what can be judged, then why the rest cannot: the reasons add up to what cannot be judged.
        var judged = page.QuerySelector("section#region-65")!;
        Assert.Equal("能判断什么，为什么其余无法判断", judged.QuerySelector("h2")!.Text());
        Assert.Equal(271, judged.QuerySelectorAll("tbody tr").Sum(r => int.Parse(r.QuerySelectorAll("td")[1].Text())));

        // Areas where nothing can be judged are collapsed, not printed as rows of zeros; every area keeps its anchor.
        var tacheng = page.QuerySelector("#region-6542-counties")!;
        Assert.All(tacheng.QuerySelectorAll("tbody tr"), r => Assert.True(r.QuerySelectorAll("td").Take(4)
            .SelectMany(td => td.Text().Split(" / ")).Sum(int.Parse) > 0, r.Text()));
        Assert.NotNull(tacheng.QuerySelector("#region-654202"));
        Assert.NotEmpty(tacheng.QuerySelectorAll("details li"));
        Assert.All(page.QuerySelectorAll("details li[id^=region-]"), li => Assert.Null(page.QuerySelector($"tr#{li.Id}")));
    }

    [SkippableFact]
    public async Task The_page_api_and_csv_report_both_clocks_each_with_its_rule()
    {
        var report = await Json();
        var clocks = report.GetProperty("clocks").EnumerateArray().ToList();
        Assert.Equal(["calendar", "working"], clocks.Select(c => c.GetProperty("dayCount").GetString()));
        Assert.Equal(["publish-20", "publish-20-working"], clocks.Select(c => c.GetProperty("rule").GetString()));
        Assert.All(clocks, c => Assert.Equal(20, c.GetProperty("publicationDays").GetInt32()));

        using var client = portal.CreateClient();
        var page = await client.GetPageAsync("/disclosure");
        var table = page.QuerySelector("table.clock-table")!;
        Assert.Equal(["20日", "20个工作日"], table.QuerySelectorAll("thead th[id^=clock-]").Select(th => th.Text()));
        var rules = table.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td").Select(td => td.Text()).ToList();
        Assert.StartsWith("伽师县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接资金使用情况说明", rules[0]);
        Assert.Equal("《中华人民共和国政府信息公开条例》（国务院令第711号） 第二十六条", rules[1]);
        for (var c = 0; c < 2; c++)
        {
            var region = clocks[c].GetProperty("region").GetProperty("publication");
            Assert.Equal(
                [region.GetProperty("onTime").GetInt32(), region.GetProperty("late").GetInt32(), region.GetProperty("overdue").GetInt32(), region.GetProperty("due").GetInt32(), region.GetProperty("cannotTell").GetInt32()],
                table.QuerySelectorAll("tbody tr").Skip(1).Select(r => int.Parse(r.QuerySelectorAll("td")[c].Text())));
        }

        Assert.Contains("20个工作日内及时公开", page.QuerySelector("#rule-working")!.ParentElement!.Text());
        Assert.Contains("在相关信息产生 20 日内", page.QuerySelector("#rule-calendar")!.ParentElement!.Text());

        var csv = (await client.GetStringAsync("/api/v1/disclosure.csv?bom=false")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',').ToList();
        var regionLines = csv.Skip(1).Select(l => l.Split(',')).Where(f => f[header.IndexOf("table")] == "region").ToList();
        Assert.Equal(["calendar", "working"], regionLines.Select(f => f[header.IndexOf("dayCount")]));
        Assert.Equal(["publish-20", "publish-20-working"], regionLines.Select(f => f[header.IndexOf("rule")]));
        Assert.Equal("《中华人民共和国政府信息公开条例》（国务院令第711号） 第二十六条", regionLines[1][header.IndexOf("ruleSource")]);

        var items = (await client.GetStringAsync("/api/v1/disclosure/items.csv?bom=false")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var itemHeader = items[0].Split(',').ToList();
        Assert.Equal(["calendar", "working"], items.Skip(1).Select(l => l.Split(',')[itemHeader.IndexOf("dayCount")]).Distinct().Order());
    }

    [SkippableFact]
    public async Task The_wusu_notices_cannot_be_judged_because_they_print_only_their_signature_date()
    {
        var report = await Json();
        var reasons = report.GetProperty("clocks")[0].GetProperty("cannotTellReasons").EnumerateArray()
            .Select(r => (r.GetProperty("kindLabel").GetString(), r.GetProperty("reason").GetString(), r.GetProperty("count").GetInt32())).ToList();
        Assert.Contains(("公告公示", "只印有落款日期（2023年12月29日），未载明信息产生日期和公开时间", 2), reasons);

        using var client = portal.CreateClient();
        var page = await client.GetPageAsync("/disclosure");
        Assert.Contains(page.QuerySelectorAll("section#region-65 tbody tr"),
            r => r.Text().Contains("只印有落款日期（2023年12月29日），未载明信息产生日期和公开时间", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_chain_deadlines_are_judged_where_both_documents_are_dated_and_cannot_be_told_elsewhere()
    {
        var report = await Json();
        var chains = report.GetProperty("chains").EnumerateArray().ToDictionary(c => c.GetProperty("rule").GetString()!);

        // 塔城 passed funds down to 乌苏市 on 2023-12-01 and 2023-12-20; 乌苏市 detailed them on 2023-12-29 and 2024-01-17.
        var judged = chains["detail-30"].GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("deadline").GetProperty("status").GetString() != "cannot-tell")
            .Select(i => (i.GetProperty("countyCode").GetString(), i.GetProperty("from").GetProperty("id").GetString(),
                i.GetProperty("to").GetProperty("id").GetString(), i.GetProperty("deadline").GetProperty("dueOn").GetString(),
                i.GetProperty("deadline").GetProperty("status").GetString()))
            .Order().ToList();
        Assert.Equal(
        [
            ("654202", "tdcz-2023-11", "wcz-2023-9", "2023-12-31", "on-time"),
            ("654202", "tdcz-2023-13", "wcz-2024-1", "2024-01-19", "on-time"),
        ], judged);

        // 新财振〔2024〕9号 prints no date and no prefecture's pass-down is in the data: 14 prefectures, none can be told.
        var passDown = chains["pass-down-5"];
        Assert.Equal(14, passDown.GetProperty("counts").GetProperty("cannotTell").GetInt32());
        Assert.Equal(14, passDown.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.All(passDown.GetProperty("items").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("deadline").GetProperty("reason").GetString())));
    }

    [SkippableFact]
    public async Task The_CSV_has_a_byte_order_mark_and_the_same_figures_as_the_JSON()
    {
        using var client = portal.CreateClient();
        var bytes = await client.GetByteArrayAsync("/api/v1/disclosure.csv");
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var region = lines[1].Split(',');
        Assert.Equal("region", region[Array.IndexOf(header, "table")]);
        Assert.Equal(["1", "2", "1", "1", "271", "276"], new[] { "onTime", "late", "overdue", "due", "cannotTell", "total" }.Select(c => region[Array.IndexOf(header, c)]));

        var noBom = await client.GetByteArrayAsync("/api/v1/disclosure.csv?bom=false");
        Assert.Equal((byte)'t', noBom[0]);
        var bad = await client.GetAsync("/api/v1/disclosure.csv?bom=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("bom", await bad.Content.ReadAsStringAsync());
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class DisclosureAuditTestsOnSqlServer(DisclosureAuditTests.OnSqlServerPortal portal)
    : DisclosureAuditTests(portal.OrSkip<DisclosureAuditTests.OnSqlServerPortal>()), IClassFixture<DisclosureAuditTests.OnSqlServerPortal>;
