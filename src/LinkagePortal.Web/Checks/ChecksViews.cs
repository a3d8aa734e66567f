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
    string? CompletenessRate, IReadOnlyList<NoticeSummary> Notices,
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
    // A county's page lists its notices' publicity items, not each project's (some six rows a project, most of a
    // county's findings, which the page read and set aside: the larger part of a village page's time). The /checks page
    // leaves them out too; the API gives them.
    static readonly string CountyRows = CheckSql.ResultSelect + " " + CheckSql.ResultFrom
        + " WHERE r.county_code = @code AND (r.subject_kind <> 'project' OR r.check_kind <> @completeness) ORDER BY r.id";
    static readonly string AllRows = CheckSql.ResultSelect + " " + CheckSql.ResultFrom + " WHERE r.subject_kind <> 'project' OR r.check_kind <> @completeness ORDER BY r.id";
    const string CountyName = "SELECT short_name FROM regions WHERE code = @code AND level = 'county'";

    /// <summary>The findings of one county for its page (current as of this call).</summary>
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

        var rows = (await connection.QueryAsync<CheckResult>(new CommandDefinition(CountyRows, new { code, completeness = CheckKinds.NoticeCompleteness.Value },
            cancellationToken: cancellationToken))).AsList();
        var publicity = rows.Where(r => r.CheckKind == CheckKinds.NoticeCompleteness.Value).ToList();
        return new CountyChecksView(code, name,
            Of(rows, CheckKinds.Reconciliation), Of(rows, CheckKinds.Detailing),
            publicity.FirstOrDefault(r => r.Item == "rate")?.Figure,
            Summaries(publicity.Where(r => r.SubjectKind == "announcement")),
            Of(rows, CheckKinds.NegativeList), Of(rows, CheckKinds.ManagementFee), Of(rows, CheckKinds.ComplaintHandling));
    }

    /// <summary>Everything the /checks page shows: the explanations, the rules, and every county's findings (projects' publicity items summed up per county).</summary>
    public async Task<ChecksPageModel> PageAsync(CancellationToken cancellationToken = default)
    {
        await results.EnsureCurrentAsync(cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        var rules = (await connection.QueryAsync<CheckRule>(new CommandDefinition(CheckSql.Rules, cancellationToken: cancellationToken))).AsList();
        var rows = (await connection.QueryAsync<CheckResult>(new CommandDefinition(AllRows, new { completeness = CheckKinds.NoticeCompleteness.Value },
            cancellationToken: cancellationToken))).AsList();
        // In the documents' order: by article (第四条第1项 … 第7项), the publicity items as §六 lists them.
        var sections = CheckKinds.All.Select(k => new CheckSection(k.Value, k.Title, k.Explanation, rules.Where(r => r.CheckKind == k.Value)
            .OrderBy(r => r.Article, StringComparer.Ordinal).ThenBy(r => CheckComputation.PublicityOrder(r.Id)).ToList())).ToList();
        var publicity = rows.Where(r => r.CheckKind == CheckKinds.NoticeCompleteness.Value).ToList();
        return new ChecksPageModel(sections, Of(rows, CheckKinds.Reconciliation), Of(rows, CheckKinds.Detailing),
            publicity.Where(r => r.Item == "rate").ToList(), Summaries(publicity.Where(r => r.SubjectKind == "announcement")),
            Of(rows, CheckKinds.NegativeList), Of(rows, CheckKinds.ManagementFee), Of(rows, CheckKinds.ComplaintHandling));
    }

    static List<CheckResult> Of(List<CheckResult> rows, CheckKind kind) => rows.Where(r => r.CheckKind == kind.Value).ToList();

    static List<NoticeSummary> Summaries(IEnumerable<CheckResult> items) => items
        .GroupBy(r => (r.SubjectKind, r.SubjectId))
        .Select(g => new NoticeSummary(g.First().CountyCode, g.First().CountyName, g.Key.SubjectKind, g.Key.SubjectId, g.First().SubjectTitle ?? g.Key.SubjectId,
            Items(g, Outcomes.Present), Items(g, Outcomes.Missing), Items(g, Outcomes.NotApplicable)))
        .ToList();

    static List<string> Items(IEnumerable<CheckResult> rows, string outcome) => rows.Where(r => r.Outcome == outcome).Select(r => r.Item ?? "").ToList();
}
