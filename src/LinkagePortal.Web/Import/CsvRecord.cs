using System.Globalization;

namespace LinkagePortal.Import;

/// <summary>
/// One data row with typed readers. A reader that finds a bad cell records an error naming line and column and
/// returns a placeholder, so one pass reports every problem of a file.
/// </summary>
public sealed class CsvRecord(string file, int line, IReadOnlyDictionary<string, int> header, string[] fields, List<ImportError> errors)
{
    public int Line { get; } = line;

    public void Fail(string column, string reason) => errors.Add(new ImportError(file, Line, column, reason));

    public string? Optional(string column)
    {
        if (!header.TryGetValue(column, out var index) || index >= fields.Length)
        {
            return null;
        }

        var value = fields[index].Trim();
        if (ControlCharacter(value) is { } position)
        {
            Fail(column, $"contains the control character U+{(int)value[position]:X4} at character {position + 1}; remove it (it would break the feeds and pages that show this value)");
        }

        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// Where <paramref name="value"/> has a character no page, CSV or XML feed may carry (C0 and C1 controls other than
    /// tab and line breaks, U+FFFE/U+FFFF, a lone surrogate), or null.
    /// </summary>
    public static int? ControlCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var bad = char.IsControl(c) && c is not ('\t' or '\n' or '\r')
                || c is '\uFFFE' or '\uFFFF'
                || char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                || char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
            if (bad)
            {
                return i;
            }
        }

        return null;
    }

    public string Required(string column)
    {
        var value = Optional(column);
        if (value is null)
        {
            Fail(column, "is empty; a value is required");
            return "";
        }

        return value;
    }

    /// <summary>A stable public identifier: ASCII letters, digits and '-', since it is part of addresses and printed on notices.</summary>
    public string Slug(string column)
    {
        var value = Required(column);
        if (!value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
        {
            Fail(column, $"'{value}' must be ASCII letters, digits and '-' (it is part of addresses)");
        }

        return value;
    }

    public string OneOf(string column, params string[] allowed)
    {
        var value = Required(column);
        if (value.Length > 0 && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Fail(column, $"'{value}' is not one of {string.Join(", ", allowed)}");
        }

        return value;
    }

    public string? OptionalOneOf(string column, params string[] allowed) =>
        Optional(column) is null ? null : OneOf(column, allowed);

    public int Year(string column)
    {
        var value = Required(column);
        if (value.Length > 0 && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2100))
        {
            Fail(column, $"'{value}' is not a year between 1990 and 2100");
            return 0;
        }

        return value.Length == 0 ? 0 : int.Parse(value, CultureInfo.InvariantCulture);
    }

    public int? OptionalYear(string column) => Optional(column) is null ? null : Year(column);

    public int? OptionalInt(string column) =>
        Parsed<int>(column, Optional(column), (string v, out int n) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out n),
            "a whole number");

    /// <summary>An amount in 万元, returned as whole yuan: at most 4 decimals, not negative.</summary>
    public long Yuan(string column) => OptionalYuan(column, required: true) ?? 0;

    public long? OptionalYuan(string column, bool required = false) =>
        Parsed<long>(column, required ? Required(column) : Optional(column), Money.TryParseWan,
            "an amount in 万元 (digits, optional point and at most 4 decimals, not negative)");

    public DateTime? Date(string column) =>
        Parsed<DateTime>(column, Optional(column),
            (string v, out DateTime d) => DateTime.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d),
            "a date written YYYY-MM-DD");

    /// <summary>An ISO 8601 time with offset, returned in UTC.</summary>
    public DateTime? Time(string column) =>
        Parsed<DateTimeOffset>(column, Optional(column),
            (string v, out DateTimeOffset t) => DateTimeOffset.TryParseExact(v, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out t),
            "a time written YYYY-MM-DDThh:mm:ss+08:00")?.UtcDateTime;

    delegate bool Parser<T>(string value, out T parsed);

    /// <summary>
    /// The one way every typed reader treats a cell: empty is null; a value <paramref name="parse"/> refuses is
    /// reported as "'value' is not <paramref name="expected"/>" and read as null.
    /// </summary>
    T? Parsed<T>(string column, string? value, Parser<T> parse, string expected) where T : struct
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (parse(value, out var parsed))
        {
            return parsed;
        }

        Fail(column, $"'{value}' is not {expected}");
        return null;
    }
}
