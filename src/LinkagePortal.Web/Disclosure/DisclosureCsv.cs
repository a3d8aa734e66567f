using System.Globalization;
using System.Text;

namespace LinkagePortal.Disclosure;

/// <summary>
/// The audit's CSV files: RFC 4180 (CRLF, fields quoted when they hold a comma, quote or line break), UTF-8 with a
/// byte-order mark so that Excel shows Chinese (<c>?bom=false</c> omits it). A text cell that a spreadsheet would run
/// as a formula (starting with = + - @, tab or CR) is prefixed with ' ; numbers are written as numbers.
/// </summary>
public static class DisclosureCsv
{
    static readonly string[] AreaHeader =
    [
        "table", "code", "name", "level", "parent_code", "own_level",
        "on_time", "late", "overdue", "due", "cannot_tell", "total",
        "chain_on_time", "chain_late", "chain_overdue", "chain_due", "chain_cannot_tell", "chain_total",
        "as_of", "day_count", "publication_days",
    ];

    static readonly string[] ItemHeader =
    [
        "kind", "kind_label", "title", "url", "prefecture_code", "county_code", "place",
        "status", "status_label", "arose_on", "due_on", "published_on", "days_late", "day_count", "as_of",
    ];

    /// <summary>One row per area: the region, then every prefecture row, then every county row (本级 rows included).</summary>
    public static string Areas(TimelinessReport report)
    {
        var csv = new StringBuilder();
        Row(csv, AreaHeader);
        var rows = new[] { ("region", report.Region) }
            .Concat(report.Prefectures.Select(p => ("prefecture", p)))
            .Concat(report.Counties.Select(c => ("county", c)));
        foreach (var (table, a) in rows)
        {
            Row(csv,
            [
                Text(table), Text(a.Code), Text(a.Name), Text(a.Level), Text(a.ParentCode), Text(a.OwnLevel ? "true" : "false"),
                Number(a.Publication.OnTime), Number(a.Publication.Late), Number(a.Publication.Overdue), Number(a.Publication.Due),
                Number(a.Publication.CannotTell), Number(a.Publication.Total),
                Number(a.Chain.OnTime), Number(a.Chain.Late), Number(a.Chain.Overdue), Number(a.Chain.Due), Number(a.Chain.CannotTell), Number(a.Chain.Total),
                Date(report.AsOf), Text(DayCountCode(report.DayCount)), Number(report.PublicationDays),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>The late and the overdue records; an overdue one has no title or address (it is not public yet).</summary>
    public static string Items(TimelinessReport report)
    {
        var csv = new StringBuilder();
        Row(csv, ItemHeader);
        foreach (var i in report.Late.Concat(report.Overdue))
        {
            Row(csv,
            [
                Text(i.Kind), Text(i.KindLabel), Text(i.Title), Text(i.Url), Text(i.PrefectureCode), Text(i.CountyCode), Text(i.PlaceName),
                Text(i.Deadline.Code), Text(i.Deadline.Label), Date(i.Deadline.StartOn), Date(i.Deadline.DueOn), Date(i.Deadline.DoneOn),
                i.Deadline.DaysLate is { } late ? Number(late) : "", Text(i.Deadline.DayCountCode), Date(report.AsOf),
            ]);
        }

        return csv.ToString();
    }

    public static string DayCountCode(DayCount count) => count == DayCount.Working ? "working" : "calendar";

    public static IResult Result(string csv, bool bom, string fileName)
    {
        var body = Encoding.UTF8.GetBytes(csv);
        var bytes = bom ? [.. Encoding.UTF8.Preamble, .. body] : body;
        return Results.File(bytes, "text/csv; charset=utf-8", fileName);
    }

    static void Row(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells);
        csv.Append("\r\n");
    }

    static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
