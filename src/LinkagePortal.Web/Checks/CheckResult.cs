namespace LinkagePortal.Checks;

/// <summary>
/// One finding of one check, as stored in <c>check_results</c>: which rule, which county, what it is about (a county's
/// programme and year, a document, a notice or a project), the outcome and the figures side by side. Money is in yuan.
/// </summary>
public sealed record CheckResult
{
    public required string CheckKind { get; init; }
    public required string RuleId { get; init; }
    public required string CountyCode { get; init; }
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
    public string? Detail { get; init; }
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

    public static readonly string[] All =
    [
        Balanced, Differs, NotDetailed, DocumentsDiffer, Stated, Flagged, NotYetDue, CannotTell, Present, Missing, NotApplicable, Rate, Prompt,
        WithinCap, OverCap, Count,
    ];

    /// <summary>Plain Chinese for the pages.</summary>
    public static string Label(string outcome) => outcome switch
    {
        Balanced => "一致",
        Differs => "有差额",
        NotDetailed => "未列出项目",
        DocumentsDiffer => "文件说法不一",
        Stated => "文件所述",
        Flagged => "提示：超过30日未细化",
        NotYetDue => "未到30日",
        CannotTell => "无法判断",
        Present => "已公开",
        Missing => "未见",
        NotApplicable => "不适用",
        Rate => "公开率",
        Prompt => "提示查看",
        WithinCap => "未超过1%",
        OverCap => "超过1%",
        Count => "计数",
        _ => outcome,
    };
}
