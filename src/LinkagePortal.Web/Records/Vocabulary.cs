namespace LinkagePortal.Records;

/// <summary>One coded value of the data and the Chinese words pages show for it.</summary>
public sealed record Term(string Value, string Label);

/// <summary>A closed list of coded values: what the importer accepts, what the API documents, what pages print.</summary>
public sealed class Terms(params Term[] terms)
{
    public IReadOnlyList<Term> All { get; } = terms;

    /// <summary>The values in their order (the importer's accepted values, the API's enum).</summary>
    public string[] Values { get; } = terms.Select(t => t.Value).ToArray();

    /// <summary>The label of a value; a value outside the list is shown as it is.</summary>
    public string Label(string value) => All.FirstOrDefault(t => t.Value == value)?.Label ?? value;
}

/// <summary>
/// The data's one vocabulary: programmes, derivations, document kinds, fund levels, region levels and place-match
/// kinds, with their labels. Import validation, the API's documented values and the pages' labels all read it here.
/// </summary>
public static class Vocabulary
{
    /// <summary>Linkage-fund projects first: they are what the portal is about; bond-funded ones follow in their own list.</summary>
    public static readonly Terms Programmes = new(new("linkage", "衔接资金项目"), new("bond", "债券资金项目"));

    /// <summary>How a figure was obtained: 原文 (as printed), 推算 (computed from a printed total), 更正 (a scan error corrected).</summary>
    public static readonly Terms Derivations = new(new("printed", "原文"), new("derived", "推算"), new("corrected", "更正"));

    public static readonly Terms DocumentKinds = new(
        new("allocation", "资金分配文件"), new("bond", "债券资金分配文件"), new("rules", "制度文件"), new("disclosure", "公开材料"), new("report", "情况报告"));

    /// <summary>Whose money a document allocates.</summary>
    public static readonly Terms FundLevels = new(
        new("central", "中央财政资金"), new("region", "自治区财政资金"), new("prefecture", "地（州、市）财政资金"), new("county", "县级财政资金"));

    /// <summary>The five levels of division codes, outermost first (their code lengths are in <see cref="RegionCodes"/>).</summary>
    public static readonly Terms RegionLevels = new(
        new("province", "自治区"), new("prefecture", "地（州、市）"), new("county", "县（市、区）"), new("township", "乡（镇、街道）"), new("village", "村（社区）"));

    /// <summary>How a printed place was matched to the official divisions.</summary>
    public static readonly Terms PlaceMatches = new(
        new("exact", "与区划名称一致"), new("corrected", "原文写法与区划名称不同，已对应"), new("township", "原文只写到乡镇"), new("unresolved", "未能对应到区划"));
}
