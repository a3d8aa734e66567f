using Dapper;
using LinkagePortal.Checks;

namespace LinkagePortal.Tests.Checks;

/// <summary>Notice completeness (§六 items and the supervision telephone), the negative list (第四条) and the 1 % fee cap (第九条).</summary>
public sealed class ScreeningTests
{
    static readonly DateTimeOffset June2026 = new(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_notice_that_does_not_print_the_subsidy_standard_is_reported_missing_it_and_one_that_does_is_not()
    {
        var database = new ChecksTestDatabase(June2026);
        database.Import(("announcements", ChecksTestDatabase.AnnouncementHeader + "\n"
            + "test-gs-without,测试公告（无补助标准）,654202,测试发布单位,,,\"一、资金来源：自治区衔接资金100万元。三、资金安排使用情况。监督电话：0992-0000000\",wusu-2024-budget,测试记录\n"
            + "test-gs-with,测试公告（有补助标准）,654202,测试发布单位,,,\"一、资金来源：自治区衔接资金100万元。补助标准：每户2000元。\",wusu-2024-budget,测试记录"));

        var notices = (await database.CountyAsync("654202")).Notices;
        var without = Assert.Single(notices, n => n.SubjectId == "test-gs-without");
        Assert.Contains("补助标准", without.Missing);
        Assert.Equal(["资金年度使用计划", "资金来源及额度", "监督电话"], without.Present);
        Assert.Equal(["支持项目", "建设内容", "补助标准"], without.Missing);

        var with = Assert.Single(notices, n => n.SubjectId == "test-gs-with");
        Assert.Contains("补助标准", with.Present);
        Assert.Contains("监督电话", with.Missing);
    }

    [Fact]
    public async Task Wusus_two_notices_print_plan_projects_source_and_telephone_but_neither_construction_content_nor_subsidy_standard()
    {
        var database = new ChecksTestDatabase(June2026);
        var checks = await database.CountyAsync("654202");
        Assert.Equal(["wusu-2024-gs-1", "wusu-2024-gs-2"], checks.Notices.Select(n => n.SubjectId));
        Assert.All(checks.Notices, n =>
        {
            Assert.Equal(["资金年度使用计划", "支持项目", "资金来源及额度", "监督电话"], n.Present);
            Assert.Equal(["建设内容", "补助标准"], n.Missing);
        });

        // Notices: 8 of 12 items. Projects (plan and projects do not apply to one project): no construction content and no
        // subsidy standard on any of the 51; amount with fund documents on the 13 linkage projects only (表33 names none);
        // telephone for all 51. 8 + 13 + 51 = 72 of 12 + 51 × 4 = 216.
        Assert.Equal("33.3", checks.CompletenessRate);
        // The projects' items are not on the county's page; the API gives them as stored.
        using var connection = database.Db.Open();
        var missing = connection.Query<(string Project, string Item)>("""
            SELECT subject_id, item FROM check_results
            WHERE county_code = '654202' AND subject_kind = 'project' AND check_kind = 'notice-completeness' AND outcome = 'missing'
            """).ToList();
        Assert.NotEmpty(missing);
        Assert.All(missing.GroupBy(r => r.Project), p => Assert.Contains("建设内容", p.Select(r => r.Item)));
    }

    [Fact]
    public async Task A_project_whose_construction_content_names_a_forbidden_use_is_listed_with_the_matched_words_and_the_article()
    {
        var database = new ChecksTestDatabase(June2026);
        database.Import(("projects", ChecksTestDatabase.ProjectHeader + "\n"
            + "654202-2024-T02,linkage,2024,乌苏市测试乡综合服务项目,654202,50,50,printed,测试单位,巩固拓展脱贫攻坚成果和乡村振兴任务,为乡政府购置公务用车2辆并偿还工程垫资,,,tdcz-2023-13,wusu-2024-budget,测试表,,,,测试记录"));

        var prompts = (await database.CountyAsync("654202")).NegativeList.Where(r => r.SubjectId == "654202-2024-T02").ToList();
        var vehicles = Assert.Single(prompts, r => r.RuleId == "negative-vehicles");
        Assert.Equal(["公务用车"], vehicles.Words);
        Assert.Equal(("新财规〔2021〕11号", "第四条第2项", "交通工具及通讯设备", Outcomes.Prompt),
            (vehicles.RuleDocumentNumber, vehicles.RuleArticle, vehicles.RuleQuote, vehicles.Outcome));
        var debts = Assert.Single(prompts, r => r.RuleId == "negative-debts");
        Assert.Equal(["偿还", "垫资"], debts.Words);
        Assert.Equal(2, prompts.Count);
    }

    [Fact]
    public async Task No_project_of_the_curated_data_names_a_forbidden_use_except_the_one_municipal_road_which_is_a_prompt_to_look()
    {
        var prompts = (await new ChecksTestDatabase(June2026).CountyAsync("654202")).NegativeList;
        var road = Assert.Single(prompts);
        Assert.Equal(("654202-2023-B08", "negative-urban", "市政"), (road.SubjectId, road.RuleId, road.MatchedWords));
    }

    [Fact]
    public async Task A_project_management_fee_above_1_percent_of_the_countys_funds_of_that_year_is_shown_over_the_cap()
    {
        var database = new ChecksTestDatabase(June2026);
        database.Import(("projects", ChecksTestDatabase.ProjectHeader + "\n"
            + "654202-2024-T03,linkage,2024,乌苏市2024年衔接资金项目管理费,654202,100,100,printed,测试单位,,,,,tdcz-2023-13,wusu-2024-budget,测试表,,,,测试记录\n"
            + "654202-2024-T04,linkage,2024,乌苏市2024年衔接资金项目管理费（二）,654202,50,50,printed,测试单位,,,,,tdcz-2023-13,wusu-2024-budget,测试表,,,,测试记录"));

        var fees = (await database.CountyAsync("654202")).ManagementFees;
        // 乌苏市's 2024 linkage allocations: 961 + 3,084 + 376 + 2,463 = 6,884 万元; 1 % is 68.84 万元.
        var over = Assert.Single(fees, f => f.SubjectId == "654202-2024-T03");
        Assert.Equal((Outcomes.OverCap, "1.45", 6884 * 10000L), (over.Outcome, over.Figure, over.AllocatedYuan!.Value));
        var within = Assert.Single(fees, f => f.SubjectId == "654202-2024-T04");
        Assert.Equal((Outcomes.WithinCap, "0.73", "第九条"), (within.Outcome, within.Figure, within.RuleArticle));
    }
}
