using LinkagePortal.Api;

namespace LinkagePortal.Checks;

/// <summary>Where the portal shows a finding's subject.</summary>
public static class ChecksPaths
{
    public static string Subject(string kind, string id) => kind switch
    {
        "county" => "/regions/" + Uri.EscapeDataString(id),
        "document" => "/documents/" + Uri.EscapeDataString(id),
        "announcement" => "/announcements/" + Uri.EscapeDataString(id),
        _ => "/projects/" + Uri.EscapeDataString(id),
    };
}

/// <summary>/api/v1/checks (+ .csv): every finding of every check, filterable by county and check, each citing its rule.</summary>
public static class ChecksApi
{
    public const string Dataset = "checks";

    static decimal? Wan(long? yuan) => yuan is { } y ? Money.ToWan(y) : null;

    public static readonly IReadOnlyList<ApiField<CheckResult>> Fields =
    [
        new("id", FieldType.Integer, "本次核查结果中的序号（每次重算会变）。", r => r.Id),
        new("check", FieldType.Enum, "核查项目。", r => r.CheckKind) { Values = CheckKinds.Values },
        new("ruleId", FieldType.Code, "所依据的规则（见 /checks 页的规则表，数据 content/data/check_rules.csv）。", r => r.RuleId),
        ..CommonFields.Document<CheckResult>("ruleDocument", "规定这条规则的", r => r.RuleDocumentId, r => r.RuleDocumentNumber),
        new("ruleArticle", FieldType.Text, "条、款或段落。", r => r.RuleArticle),
        new("ruleQuote", FieldType.Text, "规则原文。", r => r.RuleQuote),
        ..CommonFields.Region<CheckResult>("county", "县（市、区）代码。", r => r.CountyCode, r => r.CountyName, CodePatterns.County),
        new("programme", FieldType.Enum, "资金类别：linkage 衔接资金，bond 债券。", r => r.Programme) { Values = ["linkage", "bond"], Nullable = true, NullMeans = "不分类别" },
        new("fiscalYear", FieldType.Integer, "资金年度。", r => r.FiscalYear) { Nullable = true, NullMeans = "不分年度" },
        new("subjectKind", FieldType.Enum, "核查对象的种类。", r => r.SubjectKind) { Values = ["county", "document", "announcement", "project"] },
        new("subjectId", FieldType.Code, "核查对象的代码或 id（县代码、文件 id、公告 id、项目编码）。", r => r.SubjectId),
        new("subjectTitle", FieldType.Text, "核查对象的名称。", r => r.SubjectTitle) { Nullable = true },
        new("item", FieldType.Text, "核查的具体一项（如 total、document、printed-fact、补助标准、open）。", r => r.Item) { Nullable = true },
        new("outcome", FieldType.Enum, "结果。cannot-tell 表示数据缺少判断所需的内容；prompt 只提示查看，不是结论。", r => r.Outcome) { Values = Outcomes.All.Values },
        new("allocatedWan", FieldType.Decimal, "分配表下达的金额。", r => Wan(r.AllocatedYuan)) { Unit = "万元", Nullable = true, NullMeans = "不适用或数据中没有" },
        new("detailedWan", FieldType.Decimal, "列出的项目金额之和。", r => Wan(r.DetailedYuan)) { Unit = "万元", Nullable = true, NullMeans = "不适用" },
        new("reportedWan", FieldType.Decimal, "本县资金报告所述金额。", r => Wan(r.ReportedYuan)) { Unit = "万元", Nullable = true, NullMeans = "报告未说明" },
        new("differenceWan", FieldType.Decimal, "下达减列出项目之差。", r => Wan(r.DifferenceYuan)) { Unit = "万元", Nullable = true, NullMeans = "不适用" },
        new("amountWan", FieldType.Decimal, "项目金额。", r => Wan(r.AmountYuan)) { Unit = "万元", Nullable = true, NullMeans = "不适用" },
        new("figure", FieldType.Decimal, "计数、中位数、比率或天数，单位见 unit。", r => r.Figure is { } f ? decimal.Parse(f, System.Globalization.CultureInfo.InvariantCulture) : null)
            { Nullable = true, NullMeans = "不适用或无法计算" },
        new("unit", FieldType.Text, "figure 的单位。", r => r.Unit) { Nullable = true },
        new("matchedWords", FieldType.List, "名称或建设内容中出现的关键词；CSV 中用 ; 分隔。", r => r.Words),
        ..CommonFields.Document<CheckResult>("sourceDocument", "数字出自的", r => r.SourceDocumentId, r => r.SourceDocumentNumber, idNullMeans: "不引用文件"),
        new("detail", FieldType.Text, "用中文说明用了哪些数据、怎样得出。", r => r.Detail) { Nullable = true },
    ];

    static readonly ListSource<CheckResult> Source = new()
    {
        Dataset = Dataset, Select = CheckSql.ResultSelect, From = CheckSql.ResultFrom, Key = "r.id", KeyKind = KeyKind.Integer, KeyOf = r => r.Id,
        Fields = Fields,
    };

    static readonly ApiParam County = new("county", ParamKind.Code, "只列这个区划（县，或地区、全区下的所有县）的核查结果。") { Example = "654202" };
    static readonly ApiParam Check = new("check", ParamKind.Enum, "只列这一项核查。") { Values = CheckKinds.Values, Example = CheckKinds.Reconciliation.Value };

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapList("/checks", "问责核查", "按文件规则逐县核查：资金对账、30日细化、公告公示要素、负面清单提示、项目管理费、投诉办理计数。每行注明所依据的规则。",
            [County, Check], Source, async (query, filter, db, http) =>
            {
                await http.RequestServices.GetRequiredService<CheckResults>().EnsureCurrentAsync(http.RequestAborted);
                if (query.Text("county") is { } county && await ApiRoutes.CheckRegionAsync(query, "county", county, db))
                {
                    filter.And(RegionCodes.Under("r.county_code", "county"), RegionCodes.Parameters(county, "county"));
                }

                if (query.Text("check") is { } check)
                {
                    filter.And("r.check_kind = @check", new { check });
                }

                return null;
            });
}
