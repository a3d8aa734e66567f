using LinkagePortal.Checks;

namespace LinkagePortal.Tests.Checks;

/// <summary>Complaint handling per county: counts only, on a fake clock, refreshed after each recorded complaint.</summary>
public sealed class ComplaintHandlingTests
{
    static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    static string? Figure(CountyChecksView view, string item) => Assert.Single(view.Complaints, r => r.Item == item).Figure;

    [Fact]
    public async Task The_figures_match_the_recorded_complaints_and_follow_a_new_one()
    {
        var database = new ChecksTestDatabase(new DateTimeOffset(2026, 6, 1, 12, 0, 0, Beijing));
        database.RecordComplaint("654202-2024-001", "A", new(2026, 4, 1, 9, 0, 0, Beijing), "resolved", new(2026, 4, 11, 9, 0, 0, Beijing));   // 10 days
        database.RecordComplaint("654202-2024-002", "B", new(2026, 4, 20, 9, 0, 0, Beijing), "unfounded", new(2026, 4, 24, 9, 0, 0, Beijing)); // 4 days
        database.RecordComplaint("654202-2024-003", "C", new(2026, 4, 15, 9, 0, 0, Beijing), "received");      // open 47 days
        database.RecordComplaint("654202-2024-004", "D", new(2026, 5, 20, 9, 0, 0, Beijing), "under_review");  // open 12 days

        var view = await database.CountyAsync("654202");
        Assert.Equal(("4", "2", "7.0", "1"), (Figure(view, "recorded"), Figure(view, "open"), Figure(view, "median-days-to-close"), Figure(view, "open-over-30-days")));
        Assert.All(view.Complaints, r => Assert.Equal(("complaint-handling", "新财振〔2024〕9号"), (r.RuleId, r.RuleDocumentNumber)));
        Assert.All(view.Complaints, r => Assert.DoesNotContain("测试投诉", r.Detail));

        // A new complaint, and the clock moving on: D passes 30 days, E is open and new.
        database.RecordComplaint("654202-2024-005", "E", new(2026, 6, 20, 9, 0, 0, Beijing), "received");
        database.Clock.Set(new DateTimeOffset(2026, 6, 21, 12, 0, 0, Beijing));
        view = await database.CountyAsync("654202");
        Assert.Equal(("5", "3", "2"), (Figure(view, "recorded"), Figure(view, "open"), Figure(view, "open-over-30-days")));
    }

    [Fact]
    public async Task A_county_without_closed_complaints_says_the_median_cannot_be_told()
    {
        var database = new ChecksTestDatabase(new DateTimeOffset(2026, 6, 1, 12, 0, 0, Beijing));
        database.RecordComplaint("654202-2024-001", "A", new(2026, 5, 1, 9, 0, 0, Beijing), "received");
        var median = Assert.Single((await database.CountyAsync("654202")).Complaints, r => r.Item == "median-days-to-close");
        Assert.Equal((Outcomes.CannotTell, (string?)null), (median.Outcome, median.Figure));
        Assert.Empty((await database.CountyAsync("653129")).Complaints);
    }
}
