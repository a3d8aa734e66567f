namespace LinkagePortal.Checks;

/// <summary>
/// One finding of one check, as stored in <c>check_results</c>: which rule, which county, what it is about (a county's
/// programme and year, a document, a notice or a project), the outcome and the figures side by side. Money is in yuan.
/// The computation writes it; the API, the /checks page and the county section read it back with its position and the
/// rule, county and document names it cites (<see cref="CheckSql.ResultSelect"/>), which are empty until stored.
/// </summary>
public sealed record CheckResult
{
    /// <summary>Its position in the stored results (changes with every rebuild).</summary>
    public long Id { get; init; }
    public required string CheckKind { get; init; }
    public required string RuleId { get; init; }
    public string RuleTitle { get; init; } = "";
    public string RuleDocumentId { get; init; } = "";
    public string? RuleDocumentNumber { get; init; }
    public string RuleArticle { get; init; } = "";
    public string RuleQuote { get; init; } = "";
    public required string CountyCode { get; init; }
    public string CountyName { get; init; } = "";
    public string? Programme { get; init; }
    public long? FiscalYear { get; init; }

    /// <summary><c>county</c>, <c>document</c>, <c>announcement</c> or <c>project</c>.</summary>
    public required string SubjectKind { get; init; }
    public required string SubjectId { get; init; }
    public string? SubjectTitle { get; init; }
    public string? Item { get; init; }
    public required string Outcome { get; init; }
    public long? AllocatedYuan { get; init; }
    public long? DetailedYuan { get; init; }
    public long? ReportedYuan { get; init; }
    public long? DifferenceYuan { get; init; }
    public long? AmountYuan { get; init; }
    public string? Figure { get; init; }
    public string? Unit { get; init; }

    /// <summary>';'-separated.</summary>
    public string? MatchedWords { get; init; }
    public string? SourceDocumentId { get; init; }
    public string? SourceDocumentNumber { get; init; }
    public string? Detail { get; init; }

    public string[] Words => (MatchedWords ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
    public string OutcomeLabel => Outcomes.All.Label(Outcome);
    public string SubjectUrl => ChecksPaths.Subject(SubjectKind, SubjectId);
    public string ProgrammeLabel => Programme switch { "linkage" => "衔接资金", "bond" => "债券", _ => "" };

    /// <summary>The item in plain Chinese for the pages (the API keeps the code).</summary>
    public string ItemLabel => Item switch
    {
        "total" => "合计",
        "document" => "按文件",
        "spent" => "报告支出",
        "printed-fact" => "文件所印",
        "30-days" => "30日",
        "rate" => "公开率",
        "recorded" => "登记件数",
        "open" => "未办结",
        "median-days-to-close" => "办结天数中位数",
        "open-over-30-days" => "超过30日未办结",
        _ => Item ?? "",
    };
    public string WordList => string.Join("、", Words);
}

/// <summary>The outcomes a finding may have: the same words in the table, the API and the pages.</summary>
public static class Outcomes
{
    public const string Balanced = "balanced";
    public const string Differs = "differs";
    public const string NotDetailed = "not-detailed";
    public const string DocumentsDiffer = "documents-differ";
    public const string Stated = "stated";
    public const string Flagged = "flagged";
    public const string NotYetDue = "not-yet-due";
    public const string CannotTell = "cannot-tell";
    public const string Present = "present";
    public const string Missing = "missing";
    public const string NotApplicable = "not-applicable";
    public const string Rate = "rate";
    public const string Prompt = "prompt";
    public const string WithinCap = "within-cap";
    public const string OverCap = "over-cap";
    public const string Count = "count";

    /// <summary>Every outcome with its plain Chinese for the pages (the API's documented values, the pages' words).</summary>
    public static readonly Terms All = new(
        new(Balanced, "一致"),
        new(Differs, "有差额"),
        new(NotDetailed, "未列出项目"),
        new(DocumentsDiffer, "文件说法不一"),
        new(Stated, "文件所述"),
        new(Flagged, "提示：超过30日未细化"),
        new(NotYetDue, "未到30日"),
        new(CannotTell, "无法判断"),
        new(Present, "已公开"),
        new(Missing, "未见"),
        new(NotApplicable, "不适用"),
        new(Rate, "公开率"),
        new(Prompt, "提示查看"),
        new(WithinCap, "未超过1%"),
        new(OverCap, "超过1%"),
        new(Count, "计数"));
}
