using System.Collections.Concurrent;
using System.Globalization;

namespace LinkagePortal.Disclosure;

/// <summary>
/// Due dates and statuses. "Within N days" of a date is read as: the Nth day after it is the last day allowed
/// (a record arising on 1 March, 20 calendar days → due 21 March). In working-day mode the Nth working day after it,
/// with weekends and holidays skipped and 调休 Saturdays/Sundays counted, per <see cref="HolidayCalendar"/>.
/// </summary>
public sealed class DeadlineCalculator(DisclosureOptions options, HolidayCalendar calendar)
{
    // Working-day due dates by start and window: the audit asks for the same few dates for every record on both clocks.
    readonly ConcurrentDictionary<(DateOnly Start, int Days), DateOnly> workingDue = new();

    public DayCount DayCount => options.DayCount;

    /// <summary>The same calendar, counting days the other way: the audit reports both clocks side by side.</summary>
    public DeadlineCalculator Counting(DayCount count) => count == options.DayCount ? this : new(options with { DayCount = count }, calendar);

    public DateOnly DueOn(DateOnly start, int days) =>
        options.DayCount == DayCount.Calendar ? start.AddDays(days) : workingDue.GetOrAdd((start, days), key => CountWorkingDays(key.Start, key.Days));

    DateOnly CountWorkingDays(DateOnly start, int days)
    {
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Days from <paramref name="due"/> (exclusive) to <paramref name="done"/> (inclusive), in the configured count.</summary>
    public int DaysAfter(DateOnly due, DateOnly done)
    {
        if (options.DayCount == DayCount.Calendar)
        {
            return done.DayNumber - due.DayNumber;
        }

        var late = 0;
        for (var day = due.AddDays(1); day <= done; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                late++;
            }
        }

        // Published on a holiday right after the due date: late, though no working day has passed yet.
        return Math.Max(late, 1);
    }

    /// <summary>The Beijing calendar date of a UTC time.</summary>
    public static DateOnly BeijingDate(DateTime utc) => DateOnly.FromDateTime(Dates.ToBeijing(utc));

    public static DateOnly BeijingDate(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Dates.BeijingOffset).DateTime);

    /// <summary>
    /// Publication within <paramref name="days"/> of <paramref name="aroseOn"/>. A <paramref name="publishedAt"/> still
    /// ahead of <paramref name="now"/> means the record is not public yet (embargoed): overdue once the due date has
    /// passed, due before. No publication time means the source does not say when it was published: cannot tell.
    /// </summary>
    public DisclosureDeadline Publication(DateOnly? aroseOn, DateTime? publishedAt, int days, DateTimeOffset now)
    {
        if (aroseOn is not { } arose)
        {
            return CannotTell(null, "未载明信息产生日期");
        }

        if (publishedAt is not { } published)
        {
            return CannotTell(arose, "来源未载明公开时间");
        }

        if (Uncounted(arose, days, published <= now.UtcDateTime ? BeijingDate(published) : null) is { } uncounted)
        {
            return uncounted;
        }

        var due = DueOn(arose, days);
        return published <= now.UtcDateTime
            ? Done(arose, due, BeijingDate(published))
            : new DisclosureDeadline
            {
                State = BeijingDate(now) > due ? DisclosureState.Overdue : DisclosureState.Due,
                StartOn = arose,
                DueOn = due,
                DayCount = options.DayCount,
            };
    }

    /// <summary>
    /// A hand-off deadline (pass-down, detail) between two documents' dates. When the later date is not in the data,
    /// it is only "due" while the due date is ahead; after that the data cannot tell whether it happened.
    /// </summary>
    public DisclosureDeadline Chain(DateOnly? startOn, string startMissing, DateOnly? doneOn, string doneMissing, int days, DateTimeOffset now)
    {
        if (startOn is not { } start)
        {
            return CannotTell(null, startMissing);
        }

        if (Uncounted(start, days, doneOn) is { } uncounted)
        {
            return uncounted;
        }

        var due = DueOn(start, days);
        if (doneOn is { } done)
        {
            return Done(start, due, done);
        }

        return BeijingDate(now) <= due
            ? new DisclosureDeadline { State = DisclosureState.Due, StartOn = start, DueOn = due, DayCount = options.DayCount }
            : CannotTell(start, doneMissing) with { DueOn = due };
    }

    /// <summary>
    /// A working-day deadline that runs into a year the holiday calendar lacks cannot be counted: that record is
    /// "cannot tell" on the working-day clock (naming the year), while the calendar-day clock still judges it.
    /// </summary>
    DisclosureDeadline? Uncounted(DateOnly start, int days, DateOnly? doneOn)
    {
        if (options.DayCount == DayCount.Calendar)
        {
            return null;
        }

        try
        {
            var due = DueOn(start, days);
            if (doneOn is { } done && done > due)
            {
                // A late record's days late are counted up to when it was done, which may lie in a later year still.
                DaysAfter(due, done);
            }

            return null;
        }
        catch (HolidayCalendarException missing)
        {
            return CannotTell(start, string.Create(CultureInfo.InvariantCulture, $"节假日安排缺少{missing.Year}年，无法按工作日计算"));
        }
    }

    DisclosureDeadline Done(DateOnly start, DateOnly due, DateOnly done) => done <= due
        ? new DisclosureDeadline { State = DisclosureState.OnTime, StartOn = start, DueOn = due, DoneOn = done, DayCount = options.DayCount }
        : new DisclosureDeadline
        {
            State = DisclosureState.Late,
            StartOn = start,
            DueOn = due,
            DoneOn = done,
            DaysLate = DaysAfter(due, done),
            DayCount = options.DayCount,
        };

    DisclosureDeadline CannotTell(DateOnly? start, string reason) =>
        new() { State = DisclosureState.CannotTell, StartOn = start, DayCount = options.DayCount, Reason = reason };
}
