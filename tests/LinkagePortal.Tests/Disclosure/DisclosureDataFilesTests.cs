using Dapper;
using LinkagePortal.Disclosure;
using LinkagePortal.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace LinkagePortal.Tests.Disclosure;

/// <summary>The data files behind the deadlines: the rules quote their sources word for word, and bad files or settings are refused by name.</summary>
public sealed class DisclosureDataFilesTests
{
    static string Write(string name, string text)
    {
        var path = Path.Combine(TestDatabase.NewDirectory("disclosure"), name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Every_rule_names_a_document_in_the_data_and_quotes_the_compiled_sources_word_for_word()
    {
        var rules = DeadlineRules.Load(Path.Combine(TestDatabase.Paths.Data, DeadlineRules.FileName));
        var compiled = File.ReadAllText(Path.Combine(TestDatabase.Paths.Pages, "publicity-20-days.md"));
        using var connection = TestDatabase.SeededSqlite().Open();
        var documents = connection.Query<string>("SELECT id FROM documents").ToHashSet();

        Assert.Equal("jiashi-2024-usage", rules.Publication(DayCount.Calendar).DocumentId);
        Assert.Null(rules.Publication(DayCount.Working).DocumentId);
        foreach (var rule in rules.All)
        {
            Assert.Contains(rule.Quote, compiled);
            Assert.All(rule.AlsoIn.Prepend(rule.DocumentId).OfType<string>(), id => Assert.Contains(id, documents));
            Assert.False(string.IsNullOrWhiteSpace(rule.Article), rule.Id);
        }

        Assert.Equal(20, rules.PublicationDays(new DisclosureOptions(DayCount.Calendar, null), DayCount.Working));
        Assert.Equal(15, rules.PublicationDays(new DisclosureOptions(DayCount.Calendar, 15), DayCount.Calendar));
    }

    /// <summary>Every deadline the documents state, with the document, the part or article, and the number of days (or day of the month) it states.</summary>
    [Theory]
    [InlineData("publication", 20, null, "calendar", "伽师县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接资金使用情况说明", "二、衔接资金监管情况 7、公告公示工作", "在相关信息产生 20 日内")]
    [InlineData("publication", 20, null, "working", "《中华人民共和国政府信息公开条例》（国务院令第711号）", "第二十六条", "20个工作日内及时公开")]
    [InlineData("pass-down", 5, null, null, "新财振〔2024〕9号", "一、加强资金使用管理", "5日内将预算指标下达到县")]
    [InlineData("detail", 30, null, null, "新财振〔2024〕9号", "五、落实直达资金管理要求", "30日内将资金细化到具体项目")]
    [InlineData("stated", null, 1, null, "新财振〔2024〕9号", "一、加强资金使用管理", "每月1日前报送资金支出使用管理情况")]
    [InlineData("stated", 2, null, null, "新财振〔2024〕9号", "五、落实直达资金管理要求", "指标下达2日内在平台登录指标")]
    [InlineData("stated", 30, null, null, "新财振〔2024〕18号", "四、强化债券项目绩效管理", "收到计划文件30日内")]
    [InlineData("stated", 10, null, null, "新财规〔2021〕11号", "第十一条", "10 日内，提出资金分配方案")]
    [InlineData("stated", 15, null, null, "新财规〔2021〕11号", "第十一条", "财政厅在 15 日内")]
    [InlineData("stated", null, 10, null, "新财振〔2022〕5号", "五、切实加强资金管理（三）开展定期跟踪督促", "每季度结束后次月10日前")]
    [InlineData("stated", null, 5, null, "新财振〔2022〕5号", "五、切实加强资金管理（三）开展定期跟踪督促", "每季度结束后次月5日前")]
    [InlineData("stated", 3, null, null, "伽师县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接资金使用情况说明", "二、衔接资金监管情况 2、资金限时分配下达", "于3日内报县乡村振兴领导小组")]
    [InlineData("stated", 5, null, null, "伽师县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接资金使用情况说明", "二、衔接资金监管情况 2、资金限时分配下达", "5日内将资金拨付到项目实施单位")]
    [InlineData("stated", null, 5, null, "伽师县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接资金使用情况说明", "二、衔接资金监管情况 1、简化资金审批流程", "于每月5日前将月资金支出任务下发")]
    public void Every_deadline_the_documents_state_is_a_rule_with_its_source(string kind, int? days, int? dayOfMonth, string? dayCount, string document, string article, string words)
    {
        var rules = DeadlineRules.Load(Path.Combine(TestDatabase.Paths.Data, DeadlineRules.FileName));

        var rule = Assert.Single(rules.All, r => r.Quote.Contains(words, StringComparison.Ordinal));
        Assert.Equal((kind, days, dayOfMonth, dayCount, document, article), (rule.KindCode, rule.Days, rule.DayOfMonth, rule.DayCountCode, rule.Document, rule.Article));
    }

    [Fact]
    public void A_holiday_file_with_a_make_up_day_on_a_weekday_is_refused_with_its_line()
    {
        var path = Write("holidays.csv", "date,kind,name\n2024-02-10,holiday,春节\n2024-02-05,workday,春节\n");
        var error = Assert.Throws<InvalidOperationException>(() => HolidayCalendar.Load(path));
        Assert.Contains($"{path}:3", error.Message);
        Assert.Contains("weekday", error.Message);
    }

    [Fact]
    public void A_missing_holiday_file_is_a_configuration_error_naming_it()
    {
        var path = Path.Combine(TestDatabase.NewDirectory("disclosure"), "holidays.csv");
        Assert.Contains(path, Assert.Throws<InvalidOperationException>(() => HolidayCalendar.Load(path)).Message);
    }

    [Fact]
    public void A_rules_file_without_a_source_or_with_an_unknown_kind_is_refused()
    {
        var path = Write("disclosure_rules.csv",
            "id,kind,days,day_of_month,day_count,title,document_id,document,article,also_in,quote,source,note\n"
            + "publish-20,publication,20,,calendar,t,,,a,,q,s,\n"
            + "x,weekly,5,,,t,d,D,a,,q,s,\n"
            + "y,stated,,,,t,d,D,a,,q,s,\n");
        var error = Assert.Throws<InvalidOperationException>(() => DeadlineRules.Load(path)).Message;
        Assert.Contains($"{path}:2: column document:", error);
        Assert.Contains($"{path}:3: column kind: 'weekly'", error);
        Assert.Contains($"{path}:4: column days: is empty, and so is day_of_month", error);
        Assert.Contains("0 rules of kind pass-down", error);
        Assert.Contains("0 rules of kind publication counted in working days", error);
    }

    [Theory]
    [InlineData("Disclosure:DayCount", "Weekdays", "Calendar or Working")]
    [InlineData("Disclosure:PublicationDays", "twenty", "whole number of days")]
    [InlineData("Disclosure:PublicationDays", "0", "whole number of days")]
    [InlineData("Disclosure:FirstReportWaitSeconds", "-1", "number of seconds from 0 to 60")]
    [InlineData("Disclosure:FirstReportWaitSeconds", "NaN", "number of seconds from 0 to 60")]
    public void Bad_settings_are_refused_by_name(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => DisclosureOptions.FromConfiguration(configuration)).Message;
        Assert.Contains(key, error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Settings_default_to_calendar_days_and_the_rules_window()
    {
        var options = DisclosureOptions.FromConfiguration(new ConfigurationBuilder().Build());
        Assert.Equal(new DisclosureOptions(DayCount.Calendar, null), options);
        var working = DisclosureOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Disclosure:DayCount"] = "working", ["Disclosure:PublicationDays"] = "15" }).Build());
        Assert.Equal(new DisclosureOptions(DayCount.Working, 15), working);
        Assert.Equal(TimeSpan.FromSeconds(3), options.FirstReportWait);
    }
}
