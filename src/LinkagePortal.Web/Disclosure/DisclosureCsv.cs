using System.Text;
using LinkagePortal.Api;

namespace LinkagePortal.Disclosure;

/// <summary>
/// The audit's CSV files, written by the open-data CSV writer (RFC 4180, formula-looking text neutralised, codes as
/// ="…" on request) so they behave like every other /api/v1 CSV. Column names are the JSON names.
/// </summary>
public static class DisclosureCsv
{
    /// <summary>One line of the figures table: an area with the table it belongs to.</summary>
    public sealed record AreaLine(string Table, AreaTimeliness Area, TimelinessReport Report);

    /// <summary>One late or overdue record.</summary>
    public sealed record ItemLine(TimelinessItem Item, TimelinessReport Report);

    static DateTime? Day(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);

    static readonly string[] States = ["on-time", "late", "overdue", "due", "cannot-tell"];

    public static readonly IReadOnlyList<ApiField<AreaLine>> AreaFields =
    [
        new("table", FieldType.Enum, "哪张表：region 全区合计，prefecture 按地（州、市），county 按县（市、区）。", a => a.Table) { Values = ["region", "prefecture", "county"] },
        new("code", FieldType.Code, "区划代码；“本级”行为地（州、市）或自治区自己的代码。", a => a.Area.Code),
        new("name", FieldType.Text, "区划名称；“塔城地区本级”等为该级自己的记录。", a => a.Area.Name),
        new("level", FieldType.Enum, "code 的级别。", a => a.Area.Level) { Values = ["region", "prefecture", "county"] },
        new("parentCode", FieldType.Code, "这一行计入的上级：县计入地（州、市），地（州、市）计入全区。", a => a.Area.ParentCode) { Nullable = true, NullMeans = "全区合计行" },
        new("ownLevel", FieldType.Enum, "true 为“本级”行：该地（州、市）或自治区自己的记录。", a => a.Area.OwnLevel ? "true" : "false") { Values = ["true", "false"] },
        ..CountFields("", "公开期限", "记录", a => a.Area.Publication),
        ..CountFields("chain", "资金下达、细化期限", "项", a => a.Area.Chain),
        new("asOf", FieldType.Date, "核查日期（北京时间）。", a => Day(a.Report.AsOf)),
        new("dayCount", FieldType.Enum, "期限按 calendar（自然日）或 working（工作日）计算。", a => DayCountCode(a.Report.DayCount)) { Values = ["calendar", "working"] },
        new("publicationDays", FieldType.Integer, "公开期限的天数。", a => a.Report.PublicationDays),
        new("rule", FieldType.Code, "这一口径的公开期限规则（disclosure 接口 rules 中的 id）。", a => a.Report.PublicationRule.Id),
        new("ruleSource", FieldType.Text, "规定这一期限的文件及条款。", a => a.Report.PublicationRule.Document + " " + a.Report.PublicationRule.Article),
    ];

    /// <summary>
    /// The six columns of one set of counts (the records' publication, the hand-offs' chain), named alike but for the
    /// prefix: onTime … total, chainOnTime … chainTotal.
    /// </summary>
    static ApiField<AreaLine>[] CountFields(string prefix, string deadline, string counted, Func<AreaLine, TimelinessCounts> counts)
    {
        string Name(string name) => prefix.Length == 0 ? name : prefix + char.ToUpperInvariant(name[0]) + name[1..];
        return
        [
            new(Name("onTime"), FieldType.Integer, $"{deadline}：按时完成的{counted}数。", a => counts(a).OnTime),
            new(Name("late"), FieldType.Integer, $"{deadline}：逾期完成的{counted}数。", a => counts(a).Late),
            new(Name("overdue"), FieldType.Integer, $"{deadline}：已过期限仍未完成的{counted}数。", a => counts(a).Overdue),
            new(Name("due"), FieldType.Integer, $"{deadline}：尚未完成、也未到期的{counted}数。", a => counts(a).Due),
            new(Name("cannotTell"), FieldType.Integer, $"{deadline}：缺少日期、无法判断的{counted}数。", a => counts(a).CannotTell),
            new(Name("total"), FieldType.Integer, $"{deadline}：{counted}总数（以上五项之和）。", a => counts(a).Total),
        ];
    }

    public static readonly IReadOnlyList<ApiField<ItemLine>> ItemFields =
    [
        new("kind", FieldType.Enum, "记录所在的数据集。", i => i.Item.Kind) { Values = TimelinessAudit.Kinds.Values },
        new("kindLabel", FieldType.Text, "数据集的中文名。", i => i.Item.KindLabel),
        new("title", FieldType.Text, "记录的名称。", i => i.Item.Title) { Nullable = true, NullMeans = "尚未公开的记录不显示名称" },
        new("url", FieldType.Text, "记录在本站的地址（相对路径）。", i => i.Item.Url) { Nullable = true, NullMeans = "尚未公开的记录不显示地址" },
        new("prefectureCode", FieldType.Code, "所在地（州、市）代码。", i => i.Item.PrefectureCode) { Nullable = true, NullMeans = "自治区本级" },
        new("countyCode", FieldType.Code, "所在县（市、区）代码。", i => i.Item.CountyCode) { Nullable = true, NullMeans = "地（州、市）或自治区本级" },
        new("place", FieldType.Text, "所在地区名称。", i => i.Item.PlaceName),
        new("status", FieldType.Enum, "核查结果。", i => i.Item.Deadline.Code) { Values = States },
        new("statusLabel", FieldType.Text, "核查结果的中文说明，如“逾期3天”。", i => i.Item.Deadline.Label),
        new("aroseOn", FieldType.Date, "信息产生日期。", i => Day(i.Item.Deadline.StartOn)),
        new("dueOn", FieldType.Date, "应公开的最后日期。", i => Day(i.Item.Deadline.DueOn)),
        new("publishedOn", FieldType.Date, "实际公开日期（北京时间）。", i => Day(i.Item.Deadline.DoneOn)) { Nullable = true, NullMeans = "尚未公开" },
        new("publicationTime", FieldType.Enum, "公开时间的来历：verified 通过本站发布、由本站记录；printed 文件上印的日期。", i => i.Item.VerifiedTime ? "verified" : "printed")
            { Values = ["verified", "printed"] },
        new("daysLate", FieldType.Integer, "逾期天数（按 dayCount 计）。", i => i.Item.Deadline.DaysLate) { Nullable = true, NullMeans = "尚未公开" },
        new("dayCount", FieldType.Enum, "期限按 calendar（自然日）或 working（工作日）计算。", i => i.Item.Deadline.DayCountCode) { Values = ["calendar", "working"] },
        new("asOf", FieldType.Date, "核查日期（北京时间）。", i => Day(i.Report.AsOf)),
    ];

    /// <summary>One line per area of one clock: the region, then every prefecture row, then every county row (本级 rows included).</summary>
    public static IEnumerable<AreaLine> Areas(TimelinessReport report) =>
        new[] { new AreaLine("region", report.Region, report) }
            .Concat(report.Prefectures.Select(p => new AreaLine("prefecture", p, report)))
            .Concat(report.Counties.Select(c => new AreaLine("county", c, report)));

    /// <summary>The late and the overdue records; an overdue one has no title or address (it is not public yet).</summary>
    public static IEnumerable<ItemLine> Items(TimelinessReport report) => report.Late.Concat(report.Overdue).Select(i => new ItemLine(i, report));

    public static string DayCountCode(DayCount count) => count == DayCount.Working ? "working" : "calendar";

    public static IResult Write<T>(IEnumerable<T> rows, IReadOnlyList<ApiField<T>> fields, bool bom, bool excelCodes, string fileName)
    {
        var columns = CsvFormat.Columns(fields);
        var csv = new StringBuilder();
        CsvFormat.AppendHeader(csv, columns);
        foreach (var row in rows)
        {
            CsvFormat.AppendRow(csv, row!, columns, excelCodes);
        }

        var body = Encoding.UTF8.GetBytes(csv.ToString());
        return Results.File(bom ? [.. Encoding.UTF8.Preamble, .. body] : body, CsvFormat.ContentType, fileName);
    }
}
