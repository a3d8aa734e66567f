using Dapper;
using LinkagePortal.Data;

namespace LinkagePortal.Checks;

/// <summary>
/// A rule of the checks (<c>check_rules</c>) with the document that states it: what the computation applies (its
/// keywords as <see cref="Words"/>) and what the /checks page shows (its words, where they are printed, how the
/// portal applies them).
/// </summary>
public sealed record CheckRule
{
    public required string Id { get; init; }
    public required string CheckKind { get; init; }
    public required string Title { get; init; }
    public required string DocumentId { get; init; }
    public string? DocumentNumber { get; init; }
    public required string DocumentTitle { get; init; }
    public required string Article { get; init; }
    public required string Quote { get; init; }
    public string? Keywords { get; init; }
    public string? Note { get; init; }

    public string[] Words => (Keywords ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public string KeywordList => (Keywords ?? "").Replace(";", "、", StringComparison.Ordinal);
}

/// <summary>One notice (or project) and its publicity items, grouped from the per-item findings.</summary>
public sealed record NoticeSummary(string CountyCode, string CountyName, string SubjectKind, string SubjectId, string Title,
    IReadOnlyList<string> Present, IReadOnlyList<string> Missing, IReadOnlyList<string> NotApplicable)
{
    public string Url => ChecksPaths.Subject(SubjectKind, SubjectId);
    public string PresentList => string.Join("、", Present);
    public string MissingList => string.Join("、", Missing);
    public string NotApplicableList => string.Join("、", NotApplicable);
}

/// <summary>The findings of one county, for its page: reconciliation, detailing, notices, screening, fees, complaints.</summary>
public sealed record CountyChecksView(string CountyCode, string CountyName, IReadOnlyList<CheckResult> Reconciliation, IReadOnlyList<CheckResult> Detailing,
    string? CompletenessRate, IReadOnlyList<NoticeSummary> Notices, IReadOnlyList<NoticeSummary> ProjectsWithMissingItems,
    IReadOnlyList<CheckResult> NegativeList, IReadOnlyList<CheckResult> ManagementFees, IReadOnlyList<CheckResult> Complaints)
{
    public bool HasFindings => Reconciliation.Count + Detailing.Count + Notices.Count + NegativeList.Count + ManagementFees.Count + Complaints.Count > 0
        || CompletenessRate is not null;
}

/// <summary>One check on the /checks page: what it does in plain Chinese, the rules it applies, and every county's findings.</summary>
public sealed record CheckSection(string Kind, string Title, string Explanation, IReadOnlyList<CheckRule> Rules);

public sealed record ChecksPageModel(IReadOnlyList<CheckSection> Sections, IReadOnlyList<CheckResult> Reconciliation, IReadOnlyList<CheckResult> Detailing,
    IReadOnlyList<CheckResult> CompletenessRates, IReadOnlyList<NoticeSummary> Notices, IReadOnlyList<CheckResult> NegativeList,
    IReadOnlyList<CheckResult> ManagementFees, IReadOnlyList<CheckResult> Complaints);

/// <summary>
/// Reads the stored findings for the /checks page and for a county's page. Both read the same rows as the API
/// (<see cref="CheckSql.ResultSelect"/>), so they cannot disagree with it.
/// </summary>
public sealed class CountyChecks(Db db, CheckResults results)
{
    static readonly string CountyRows = CheckSql.ResultSelect + " " + CheckSql.ResultFrom + " WHERE r.county_code = @code ORDER BY r.id";
    static readonly string AllRows = CheckSql.ResultSelect + " " + CheckSql.ResultFrom + " WHERE r.subject_kind <> 'project' OR r.check_kind <> @completeness ORDER BY r.id";
    const string CountyName = "SELECT short_name FROM regions WHERE code = @code AND level = 'county'";

    static readonly (string Kind, string Title, string Explanation)[] Explanations =
    [
        (CheckKinds.Reconciliation, "资金对账",
            "把三样数字并排放：上级分配表下达给这个县的钱（按文件、按任务），这个县公布的项目加起来的钱，这个县自己的报告里说收到或花了多少。"
            + "相等就是“一致”，不等就给出差额。两份文件说法不一样时，两个数字和各自的出处都列出来，门户不替任何一方下结论。"),
        (CheckKinds.Detailing, "30日内细化到项目",
            "钱下达到县以后，县要在30日内把钱落实到具体项目。数据里有下达的钱、却一个项目也没有列出，而且已经过了30日，就提示出来。"
            + "文件没有印日期、算不出是否过了30日的，写“无法判断”。"),
        (CheckKinds.NoticeCompleteness, "公告公示是否齐全",
            "文件要求公开资金年度使用计划、支持项目、建设内容、补助标准、资金来源及额度；各地公告还印有监督电话。"
            + "逐则公告、逐个项目看这几项有没有写，写了是“已公开”，没写是“未见”，对这一对象不适用的是“不适用”；每个县给出一个公开率。"),
        (CheckKinds.NegativeList, "负面清单提示",
            "衔接资金不得用于单位基本支出、交通工具及通讯设备、楼堂馆所、奖金津贴福利、还债垫资、弥补企业亏损、城市基础设施建设。"
            + "项目名称或建设内容里出现相关的词，就列出来并标出是哪些词。这只是提醒大家去看，不等于违规。"),
        (CheckKinds.ManagementFee, "项目管理费不超过1%",
            "县里可以从衔接资金中列支项目管理费，但最多1%。名称里是项目管理费的项目，和这个县当年同类资金比一比。数据里没有这种项目时，这一项没有结果。"),
        (CheckKinds.ComplaintHandling, "投诉办理情况",
            "根据登记的投诉，按县统计：还有多少件没办完，办完的从收到到办结一般用了多少天（中位数），收到超过30天还没办完的有几件。"
            + "只给数字，不显示任何投诉内容。文件没有规定办理时限，所以这里不作评判。"),
    ];

    /// <summary>The findings of one county (current as of this call), as the checks' own API gives them.</summary>
    public async Task<CountyChecksView?> ForCountyAsync(string code, CancellationToken cancellationToken = default)
    {
        await results.EnsureCurrentAsync(cancellationToken);
        return await StoredForCountyAsync(code, cancellationToken);
    }

    /// <summary>
    /// The findings of one county for its page's section: the stored ones, without waiting for a rebuild that is due
    /// (<see cref="CheckResults.LatestAsync"/>; the page is evicted when the rebuild changes them).
    /// </summary>
    public async Task<CountyChecksView?> LatestForCountyAsync(string code, CancellationToken cancellationToken = default)
    {
        await results.LatestAsync(cancellationToken);
        return await StoredForCountyAsync(code, cancellationToken);
    }

    async Task<CountyChecksView?> StoredForCountyAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var name = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(CountyName, new { code }, cancellationToken: cancellationToken));
        if (name is null)
        {
            return null;
        }

        var rows = (await connection.QueryAsync<CheckResult>(new CommandDefinition(CountyRows, new { code }, cancellationToken: cancellationToken))).AsList();
        var publicity = rows.Where(r => r.CheckKind == CheckKinds.NoticeCompleteness).ToList();
        return new CountyChecksView(code, name,
            Of(rows, CheckKinds.Reconciliation), Of(rows, CheckKinds.Detailing),
            publicity.FirstOrDefault(r => r.Item == "rate")?.Figure,
            Summaries(publicity.Where(r => r.SubjectKind == "announcement")),
            Summaries(publicity.Where(r => r.SubjectKind == "project")).Where(s => s.Missing.Count > 0).ToList(),
            Of(rows, CheckKinds.NegativeList), Of(rows, CheckKinds.ManagementFee), Of(rows, CheckKinds.ComplaintHandling));
    }

    /// <summary>Everything the /checks page shows: the explanations, the rules, and every county's findings (projects' publicity items summed up per county).</summary>
    public async Task<ChecksPageModel> PageAsync(CancellationToken cancellationToken = default)
    {
        await results.EnsureCurrentAsync(cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        var rules = (await connection.QueryAsync<CheckRule>(new CommandDefinition(CheckSql.Rules, cancellationToken: cancellationToken))).AsList();
        var rows = (await connection.QueryAsync<CheckResult>(new CommandDefinition(AllRows, new { completeness = CheckKinds.NoticeCompleteness },
            cancellationToken: cancellationToken))).AsList();
        // In the documents' order: by article (第四条第1项 … 第7项), the publicity items as §六 lists them.
        var sections = Explanations.Select(e => new CheckSection(e.Kind, e.Title, e.Explanation, rules.Where(r => r.CheckKind == e.Kind)
            .OrderBy(r => r.Article, StringComparer.Ordinal).ThenBy(r => CheckComputation.PublicityOrder(r.Id)).ToList())).ToList();
        var publicity = rows.Where(r => r.CheckKind == CheckKinds.NoticeCompleteness).ToList();
        return new ChecksPageModel(sections, Of(rows, CheckKinds.Reconciliation), Of(rows, CheckKinds.Detailing),
            publicity.Where(r => r.Item == "rate").ToList(), Summaries(publicity.Where(r => r.SubjectKind == "announcement")),
            Of(rows, CheckKinds.NegativeList), Of(rows, CheckKinds.ManagementFee), Of(rows, CheckKinds.ComplaintHandling));
    }

    static List<CheckResult> Of(List<CheckResult> rows, string kind) => rows.Where(r => r.CheckKind == kind).ToList();

    static List<NoticeSummary> Summaries(IEnumerable<CheckResult> items) => items
        .GroupBy(r => (r.SubjectKind, r.SubjectId))
        .Select(g => new NoticeSummary(g.First().CountyCode, g.First().CountyName, g.Key.SubjectKind, g.Key.SubjectId, g.First().SubjectTitle ?? g.Key.SubjectId,
            Items(g, Outcomes.Present), Items(g, Outcomes.Missing), Items(g, Outcomes.NotApplicable)))
        .ToList();

    static List<string> Items(IEnumerable<CheckResult> rows, string outcome) => rows.Where(r => r.Outcome == outcome).Select(r => r.Item ?? "").ToList();
}
