namespace LinkagePortal.Rendering;

/// <summary>The Chinese words pages show for the data's coded values (derivation, level, fund level …).</summary>
public static class Labels
{
    /// <summary>How a figure was obtained: 原文 (as printed), 推算 (computed from a printed total), 更正 (a scan error corrected).</summary>
    public static string Derivation(string derivation) => derivation switch
    {
        "printed" => "原文",
        "derived" => "推算",
        "corrected" => "更正",
        _ => derivation,
    };

    public static string Level(string level) => level switch
    {
        "province" => "自治区",
        "prefecture" => "地（州、市）",
        "county" => "县（市、区）",
        "township" => "乡（镇、街道）",
        "village" => "村（社区）",
        _ => level,
    };

    /// <summary>Whose money a document allocates.</summary>
    public static string? FundLevel(string? fundLevel) => fundLevel switch
    {
        null => null,
        "central" => "中央财政资金",
        "region" => "自治区财政资金",
        "prefecture" => "地（州、市）财政资金",
        "county" => "县级财政资金",
        _ => fundLevel,
    };

    public static string DocumentKind(string kind) => kind switch
    {
        "allocation" => "资金分配文件",
        "bond" => "债券资金分配文件",
        "rules" => "制度文件",
        "disclosure" => "公开材料",
        "report" => "情况报告",
        _ => kind,
    };

    public static string Programme(string programme) => programme switch
    {
        "linkage" => "衔接资金项目",
        "bond" => "债券资金项目",
        _ => programme,
    };

    /// <summary>How a printed place was matched to the official divisions.</summary>
    public static string PlaceMatch(string matchKind) => matchKind switch
    {
        "exact" => "与区划名称一致",
        "corrected" => "原文写法与区划名称不同，已对应",
        "township" => "原文只写到乡镇",
        "unresolved" => "未能对应到区划",
        _ => matchKind,
    };
}
