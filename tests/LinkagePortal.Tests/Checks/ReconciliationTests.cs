using LinkagePortal.Checks;

namespace LinkagePortal.Tests.Checks;

/// <summary>Money allocated, detailed into listed projects and reported, side by side per county, programme and year.</summary>
public sealed class ReconciliationTests
{
    static readonly DateTimeOffset June2026 = new(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(8));

    static long Yuan(decimal wan) => (long)(wan * 10000);

    [Fact]
    public async Task Wusu_linkage_projects_balance_at_5923_wan_with_the_three_allocations_they_name_and_the_county_account()
    {
        var checks = await new ChecksTestDatabase(June2026).CountyAsync("654202");
        var central = Assert.Single(checks.Reconciliation, r => r.Item == "document" && r.SubjectId == "tdcz-2023-11");
        var regional = Assert.Single(checks.Reconciliation, r => r.Item == "document" && r.SubjectId == "tdcz-2023-13");

        // 塔地财振〔2023〕11号 gives 3,084 (巩固拓展…) + 376 (少数民族发展任务); 13号 gives 2,463; the projects naming each match.
        Assert.Equal((Outcomes.Balanced, Yuan(3460), Yuan(3460)), (central.Outcome, central.AllocatedYuan, central.DetailedYuan));
        Assert.Contains("巩固拓展脱贫攻坚成果和乡村振兴任务 3,084 万元（注明此任务的项目 6 个，合计 3,084 万元）", central.Detail);
        Assert.Contains("少数民族发展任务 376 万元（注明此任务的项目 1 个，合计 376 万元）", central.Detail);
        Assert.Equal((Outcomes.Balanced, Yuan(2463), Yuan(2463)), (regional.Outcome, regional.AllocatedYuan, regional.DetailedYuan));

        var total = Assert.Single(checks.Reconciliation, r => r.Item == "total" && r.Programme == "linkage" && r.FiscalYear == 2024);
        Assert.Equal(Yuan(5923), central.AllocatedYuan + regional.AllocatedYuan);
        Assert.Equal(Yuan(5923), total.DetailedYuan);
        Assert.Equal(Yuan(5923), total.ReportedYuan);
        Assert.Equal("wusu-2024-budget", total.SourceDocumentId);

        // The data also hold 新财振〔2024〕9号's 961 万元 for 乌苏市, which no listed project names: shown, not hidden.
        var unnamed = Assert.Single(checks.Reconciliation, r => r.Item == "document" && r.SubjectId == "xcz-2024-9");
        Assert.Equal((Outcomes.NotDetailed, Yuan(961), 0L), (unnamed.Outcome, unnamed.AllocatedYuan, unnamed.DetailedYuan));
        Assert.Equal((Yuan(6884), Yuan(961), Outcomes.Differs), (total.AllocatedYuan, total.DifferenceYuan, total.Outcome));
    }

    [Fact]
    public async Task Jiashi_states_74367_wan_of_linkage_funds_lists_no_project_and_is_flagged_under_the_30_day_rule()
    {
        var checks = await new ChecksTestDatabase(June2026).CountyAsync("653129");
        var total = Assert.Single(checks.Reconciliation, r => r.Item == "total" && r.Programme == "linkage" && r.FiscalYear == 2024);
        Assert.Equal((Outcomes.NotDetailed, Yuan(74367), 0L), (total.Outcome, total.ReportedYuan, total.DetailedYuan));
        Assert.Equal("jiashi-2024-usage", total.SourceDocumentId);
        Assert.Contains("报告称安排项目 102 个", total.Detail);

        var spent = Assert.Single(checks.Reconciliation, r => r.Item == "spent");
        Assert.Equal(Yuan(71879.61m), spent.ReportedYuan);

        var detailing = Assert.Single(checks.Detailing, r => r.Programme == "linkage" && r.FiscalYear == 2024);
        Assert.Equal((Outcomes.Flagged, "detail-30", "新财振〔2024〕9号", "五"), (detailing.Outcome, detailing.RuleId, detailing.RuleDocumentNumber, detailing.RuleArticle));
    }

    [Fact]
    public async Task Jiashi_is_not_flagged_before_30_days_have_passed_since_the_end_of_the_year_its_account_covers()
    {
        var checks = await new ChecksTestDatabase(new DateTimeOffset(2025, 1, 20, 12, 0, 0, TimeSpan.FromHours(8))).CountyAsync("653129");
        Assert.Equal(Outcomes.NotYetDue, Assert.Single(checks.Detailing, r => r.Programme == "linkage").Outcome);
    }

    [Fact]
    public async Task The_two_printed_facts_about_Wusus_2024_new_bonds_appear_side_by_side_with_their_sources()
    {
        var checks = await new ChecksTestDatabase(June2026).CountyAsync("654202");
        var facts = checks.Reconciliation.Where(r => r.Item == "printed-fact" && r.Programme == "bond" && r.FiscalYear == 2024).ToList();

        Assert.Equal(["xcz-2024-18", "wusu-2024-budget"], facts.Select(f => f.SourceDocumentId!));
        Assert.All(facts, f => Assert.Equal(Outcomes.DocumentsDiffer, f.Outcome));
        Assert.Equal(6100 * 10000L, facts[0].AllocatedYuan);
        Assert.Equal("新财振〔2024〕18号", facts[0].SourceDocumentNumber);
        Assert.Contains("2024年分配给乌苏市 6,100 万元", facts[0].Detail);
        Assert.Contains("“表33 2023年乌苏市地方政府新增债券使用情况表”印有 38 行，均为 2023 年，没有 2024 年的", facts[1].Detail);
    }

    [Fact]
    public async Task A_project_still_under_embargo_is_not_counted_until_its_publication_time_passes()
    {
        var database = new ChecksTestDatabase(June2026);
        database.Import(("projects", ChecksTestDatabase.ProjectHeader + "\n"
            + "654202-2024-T01,linkage,2024,乌苏市测试项目,654202,100,100,printed,测试单位,巩固拓展脱贫攻坚成果和乡村振兴任务,测试,,,tdcz-2023-13,wusu-2024-budget,测试表,,,2026-07-01T00:00:00+08:00,测试记录"));

        var before = Assert.Single((await database.CountyAsync("654202")).Reconciliation, r => r.Item == "document" && r.SubjectId == "tdcz-2023-13");
        Assert.Equal((Yuan(2463), Outcomes.Balanced), (before.DetailedYuan!.Value, before.Outcome));

        database.Clock.Set(new DateTimeOffset(2026, 7, 1, 0, 0, 1, TimeSpan.FromHours(8)));
        var after = Assert.Single((await database.CountyAsync("654202")).Reconciliation, r => r.Item == "document" && r.SubjectId == "tdcz-2023-13");
        Assert.Equal((Yuan(2563), Outcomes.Differs), (after.DetailedYuan!.Value, after.Outcome));
    }
}
