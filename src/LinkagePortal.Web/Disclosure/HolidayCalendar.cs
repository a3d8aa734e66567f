using System.Globalization;
using LinkagePortal.Import;

namespace LinkagePortal.Disclosure;

/// <summary>
/// China's public holidays and 调休 make-up working days, read from <c>content/data/holidays.csv</c> (from the npm
/// package chinese-days; see the data README). The file is the source of truth: it is read at start-up, never copied
/// into the database. A year the file does not cover cannot be counted in working days: asking about it throws a
/// <see cref="HolidayCalendarException"/> rather than guessing from weekends alone.
/// </summary>
public sealed class HolidayCalendar
{
    public const string FileName = "holidays.csv";

    readonly Dictionary<DateOnly, bool> makeUpOrHoliday;
    readonly SortedSet<int> years;

    HolidayCalendar(string file, Dictionary<DateOnly, bool> days)
    {
        File = file;
        makeUpOrHoliday = days;
        years = new SortedSet<int>(days.Keys.Select(d => d.Year));
    }

    /// <summary>The file the calendar was read from, named in every error.</summary>
    public string File { get; }

    /// <summary>Reads <c>date,kind,name</c> rows (<c>kind</c> is <c>holiday</c> or <c>workday</c>).</summary>
    public static HolidayCalendar Load(string file)
    {
        if (!System.IO.File.Exists(file))
        {
            throw new InvalidOperationException($"The holiday calendar {file} is missing; it is needed to count working days (see content/data/README.md, holidays.csv).");
        }

        using var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
        var problems = new List<string>();
        var rows = CsvFile.Read(reader, (line, reason) => problems.Add($"{file}:{line}: malformed CSV: {reason}")).ToList();
        if (rows.Count == 0 || !rows[0].Fields.SequenceEqual(["date", "kind", "name"]))
        {
            throw new InvalidOperationException($"{file}:1: the header must be date,kind,name.");
        }

        var days = new Dictionary<DateOnly, bool>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Length != 3)
            {
                problems.Add($"{file}:{line}: the row has {fields.Length} fields; the header has 3");
                continue;
            }

            if (!DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"{file}:{line}: column date: '{fields[0]}' is not a date written YYYY-MM-DD");
            }
            else if (fields[1] is not ("holiday" or "workday"))
            {
                problems.Add($"{file}:{line}: column kind: '{fields[1]}' is not one of holiday, workday");
            }
            else if (!days.TryAdd(date, fields[1] == "workday"))
            {
                problems.Add($"{file}:{line}: column date: {fields[0]} is listed twice");
            }
            else if (fields[1] == "workday" && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                problems.Add($"{file}:{line}: column kind: {fields[0]} is a weekday; a make-up working day (调休) falls on a Saturday or Sunday");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The holiday calendar cannot be read: " + string.Join("; ", problems));
        }

        return new HolidayCalendar(file, days);
    }

    /// <summary>
    /// A working day is a Monday–Friday that is not a holiday, or a Saturday/Sunday that the year's notice makes a
    /// working day (调休).
    /// </summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (!years.Contains(date.Year))
        {
            throw new HolidayCalendarException(date.Year, File, years);
        }

        return makeUpOrHoliday.TryGetValue(date, out var isWorkday)
            ? isWorkday
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }
}

/// <summary>A configuration error: the holiday calendar lacks a year that a working-day deadline needs.</summary>
public sealed class HolidayCalendarException(int year, string file, IReadOnlyCollection<int> years) : InvalidOperationException(
    $"The holiday calendar {file} has no dates for {year} (it covers {Describe(years)}), so working days in {year} cannot be counted. "
    + $"Add {year} from the 国务院办公厅 holiday notice (regenerate the file as content/data/README.md, holidays.csv, explains) "
    + "or set Disclosure:DayCount to Calendar.")
{
    public int Year { get; } = year;

    static string Describe(IReadOnlyCollection<int> years) => years.Count == 0
        ? "no year"
        : string.Join(", ", years.Order().Select(y => y.ToString(CultureInfo.InvariantCulture)));
}
