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

        Assert.Equal(
            [(DeadlineRuleKind.Publication, (int?)20), (DeadlineRuleKind.PassDown, 5), (DeadlineRuleKind.Detail, 30), (DeadlineRuleKind.MonthlyReport, null)],
            rules.All.Select(r => (r.Kind, r.Days)));
        Assert.Equal("jiashi-2024-usage", rules.Publication.DocumentId);
        foreach (var rule in rules.All)
        {
            Assert.Contains(rule.Quote, compiled);
            Assert.All(rule.AlsoIn.Prepend(rule.DocumentId), id => Assert.Contains(id, documents));
        }

        Assert.Equal(20, rules.PublicationDays(new DisclosureOptions(DayCount.Calendar, null)));
        Assert.Equal(15, rules.PublicationDays(new DisclosureOptions(DayCount.Calendar, 15)));
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
            "id,kind,days,title,document_id,also_in,quote,note\n"
            + "publish-20,publication,20,t,,,q,\n"
            + "x,weekly,5,t,d,,q,\n");
        var error = Assert.Throws<InvalidOperationException>(() => DeadlineRules.Load(path)).Message;
        Assert.Contains($"{path}:2: column document_id", error);
        Assert.Contains($"{path}:3: column kind: 'weekly'", error);
        Assert.Contains("0 rules of kind pass-down", error);
    }

    [Theory]
    [InlineData("Disclosure:DayCount", "Weekdays", "Calendar or Working")]
    [InlineData("Disclosure:PublicationDays", "twenty", "whole number of days")]
    [InlineData("Disclosure:PublicationDays", "0", "whole number of days")]
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
    }
}
