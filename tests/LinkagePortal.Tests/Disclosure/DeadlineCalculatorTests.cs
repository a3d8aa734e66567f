using LinkagePortal.Disclosure;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Disclosure;

/// <summary>
/// Due dates in calendar and working days against the real holiday calendar (content/data/holidays.csv), and the
/// statuses a record gets as the (fake) clock moves.
/// </summary>
public sealed class DeadlineCalculatorTests
{
    static readonly HolidayCalendar Calendar = HolidayCalendar.Load(Path.Combine(TestDatabase.Paths.Data, HolidayCalendar.FileName));
    static readonly DeadlineCalculator CalendarDays = new(new DisclosureOptions(DayCount.Calendar, null), Calendar);
    static readonly DeadlineCalculator WorkingDays = new(new DisclosureOptions(DayCount.Working, null), Calendar);

    static DateTimeOffset Beijing(int y, int m, int d, int h = 12, int min = 0, int s = 0) => new(y, m, d, h, min, s, TimeSpan.FromHours(8));

    static DateTime Utc(DateTimeOffset t) => t.UtcDateTime;

    [Fact]
    public void A_record_is_due_exactly_20_calendar_days_after_it_arose()
    {
        Assert.Equal(new DateOnly(2024, 3, 21), CalendarDays.DueOn(new DateOnly(2024, 3, 1), 20));
        // Across a month end and a holiday period: calendar days ignore holidays.
        Assert.Equal(new DateOnly(2024, 10, 21), CalendarDays.DueOn(new DateOnly(2024, 10, 1), 20));
    }

    [Fact]
    public void Published_on_the_due_date_is_on_time_and_a_day_later_is_late_by_one_day()
    {
        var arose = new DateOnly(2024, 3, 1);
        var now = Beijing(2024, 6, 1);

        var onDueDate = CalendarDays.Publication(arose, Utc(Beijing(2024, 3, 21, 23, 59, 59)), 20, now);
        Assert.Equal(DisclosureState.OnTime, onDueDate.State);
        Assert.Equal(new DateOnly(2024, 3, 21), onDueDate.DueOn);

        var dayLater = CalendarDays.Publication(arose, Utc(Beijing(2024, 3, 22, 0, 0, 1)), 20, now);
        Assert.Equal(DisclosureState.Late, dayLater.State);
        Assert.Equal(1, dayLater.DaysLate);
        Assert.Equal("逾期1天", dayLater.Label);
    }

    [Fact]
    public void Days_are_Beijing_dates_so_a_publication_at_2030_UTC_counts_for_the_next_day()
    {
        // 2024-03-21 16:30 UTC is 2024-03-22 00:30 in Beijing: one day late, though the UTC date is the due date.
        var published = new DateTime(2024, 3, 21, 16, 30, 0, DateTimeKind.Utc);
        var status = CalendarDays.Publication(new DateOnly(2024, 3, 1), published, 20, Beijing(2024, 6, 1));
        Assert.Equal(DisclosureState.Late, status.State);
        Assert.Equal(new DateOnly(2024, 3, 22), status.DoneOn);
    }

    [Fact]
    public void Working_days_skip_the_2024_Spring_Festival_and_count_both_make_up_Sundays()
    {
        // Holiday 02-10..02-17; make-up working days Sun 02-04 and Sun 02-18.
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2024, 2, 14)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2024, 2, 4)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2024, 2, 18)));

        // From Fri 02-02: 02-04 (1), 02-05..02-09 (6), 02-18 (7), 02-19..02-23 (12), 02-26..03-01 (17), 03-04..03-06 (20).
        Assert.Equal(new DateOnly(2024, 3, 6), WorkingDays.DueOn(new DateOnly(2024, 2, 2), 20));
        // Five working days from Thu 02-08: 02-09, then 02-18 (Sun, make-up), then 02-19..02-21. Without the make-up
        // Sunday it would be 02-22; without skipping the holiday, 02-15.
        Assert.Equal(new DateOnly(2024, 2, 21), WorkingDays.DueOn(new DateOnly(2024, 2, 8), 5));
    }

    [Fact]
    public void Working_days_skip_the_2024_National_Day_and_count_the_make_up_Sunday_and_Saturday()
    {
        // Holiday 10-01..10-07; make-up working days Sun 09-29 and Sat 10-12. Sat 09-28 is an ordinary day off.
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2024, 9, 28)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2024, 9, 29)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2024, 10, 12)));

        // From Fri 09-27: 09-29 (1), 09-30 (2), 10-08..10-11 (6), 10-12 (7), 10-14..10-18 (12), 10-21..10-25 (17), 10-28..10-30 (20).
        Assert.Equal(new DateOnly(2024, 10, 30), WorkingDays.DueOn(new DateOnly(2024, 9, 27), 20));
        Assert.Equal(new DateOnly(2024, 10, 10), WorkingDays.DueOn(new DateOnly(2024, 9, 27), 5));
    }

    [Fact]
    public void Lateness_in_working_day_mode_is_counted_in_working_days()
    {
        // Due Thu 10-10 (5 working days from 09-27); published Mon 10-14: Fri 10-11, Sat 10-12 (make-up), Mon 10-14.
        var status = WorkingDays.Publication(new DateOnly(2024, 9, 27), Utc(Beijing(2024, 10, 14, 9)), 5, Beijing(2024, 11, 1));
        Assert.Equal(DisclosureState.Late, status.State);
        Assert.Equal(3, status.DaysLate);
        Assert.Equal("逾期3个工作日", status.Label);
    }

    [Fact]
    public void A_record_whose_working_day_deadline_runs_into_a_year_the_calendar_lacks_cannot_be_told_on_that_clock_only()
    {
        var arose = new DateOnly(2026, 12, 15);
        var published = Utc(Beijing(2027, 1, 5, 9));

        var working = WorkingDays.Publication(arose, published, 20, Beijing(2027, 2, 1));
        Assert.Equal(DisclosureState.CannotTell, working.State);
        Assert.Equal("节假日安排缺少2027年，无法按工作日计算", working.Reason);
        Assert.Equal(DisclosureState.Late, CalendarDays.Publication(arose, published, 20, Beijing(2027, 2, 1)).State);
    }

    [Fact]
    public void A_year_missing_from_the_holiday_calendar_is_a_configuration_error_naming_the_year_and_the_file()
    {
        // The file covers 2023–2026: 20 working days from mid-December 2026 run into 2027.
        var error = Assert.Throws<HolidayCalendarException>(() => WorkingDays.DueOn(new DateOnly(2026, 12, 15), 20));
        Assert.Equal(2027, error.Year);
        Assert.Contains("2027", error.Message);
        Assert.Contains(HolidayCalendar.FileName, error.Message);
        Assert.Contains("2023, 2024, 2025, 2026", error.Message);

        Assert.Throws<HolidayCalendarException>(() => Calendar.IsWorkingDay(new DateOnly(2022, 12, 30)));
        // Calendar days need no holiday calendar.
        Assert.Equal(new DateOnly(2027, 1, 4), CalendarDays.DueOn(new DateOnly(2026, 12, 15), 20));
    }

    [Fact]
    public void An_unpublished_record_is_due_until_its_due_date_and_overdue_after_it_in_Beijing_time()
    {
        var arose = new DateOnly(2026, 5, 1);
        var embargoedUntil = Utc(Beijing(2026, 7, 1));

        Assert.Equal(DisclosureState.Due, CalendarDays.Publication(arose, embargoedUntil, 20, Beijing(2026, 5, 21, 23, 59, 59)).State);
        var overdue = CalendarDays.Publication(arose, embargoedUntil, 20, Beijing(2026, 5, 22, 0, 0, 1));
        Assert.Equal(DisclosureState.Overdue, overdue.State);
        Assert.Equal(new DateOnly(2026, 5, 21), overdue.DueOn);
        Assert.Null(overdue.DoneOn);

        // Once its time comes it is published, late.
        var published = CalendarDays.Publication(arose, embargoedUntil, 20, Beijing(2026, 7, 1, 12, 0, 1));
        Assert.Equal(DisclosureState.Late, published.State);
        Assert.Equal(41, published.DaysLate);
    }

    [Fact]
    public void Without_the_date_it_arose_or_the_time_it_was_published_the_status_cannot_be_told()
    {
        var now = Beijing(2026, 6, 1);
        var noArose = CalendarDays.Publication(null, Utc(Beijing(2024, 1, 1)), 20, now);
        Assert.Equal(DisclosureState.CannotTell, noArose.State);
        Assert.Equal("无法判断", noArose.Label);
        Assert.Equal("cannot-tell", noArose.Code);
        Assert.NotNull(noArose.Reason);

        var noPublication = CalendarDays.Publication(new DateOnly(2024, 1, 1), null, 20, now);
        Assert.Equal(DisclosureState.CannotTell, noPublication.State);
        Assert.Null(noPublication.DueOn);
    }

    [Fact]
    public void A_chain_deadline_is_judged_only_with_both_dates_and_is_due_while_its_date_is_ahead()
    {
        var now = Beijing(2024, 1, 10);
        Assert.Equal(DisclosureState.OnTime, CalendarDays.Chain(new DateOnly(2023, 12, 1), "x", new DateOnly(2023, 12, 29), "y", 30, now).State);
        var late = CalendarDays.Chain(new DateOnly(2023, 12, 1), "x", new DateOnly(2024, 1, 2), "y", 30, now);
        Assert.Equal((DisclosureState.Late, 2), (late.State, late.DaysLate));
        Assert.Equal(DisclosureState.Due, CalendarDays.Chain(new DateOnly(2023, 12, 20), "x", null, "y", 30, now).State);
        var unknown = CalendarDays.Chain(new DateOnly(2023, 12, 1), "x", null, "no county document", 30, now);
        Assert.Equal((DisclosureState.CannotTell, "no county document"), (unknown.State, unknown.Reason));
        var noStart = CalendarDays.Chain(null, "no start", new DateOnly(2024, 1, 2), "y", 5, now);
        Assert.Equal((DisclosureState.CannotTell, "no start"), (noStart.State, noStart.Reason));
    }
}
