using System.Data.Common;

namespace LinkagePortal.Records;

/// <summary>A fund, rules or disclosure document as its page, the links from other pages, the API and its CSV give it.</summary>
public sealed record DocumentRecord : DisclosedRecord
{
    public required string Id { get; init; }
    public string? Number { get; init; }
    public required string Title { get; init; }
    public required string Issuer { get; init; }
    public DateTime? IssuedOn { get; init; }
    public string? FundLevel { get; init; }
    public long? FiscalYear { get; init; }
    public required string Kind { get; init; }
    public string? Task { get; init; }
    public string? BudgetSubjects { get; init; }
    public string? DirectFundFlag { get; init; }
    public required string Source { get; init; }

    public string Name => Number ?? Title;
    public string? FundLevelLabel => FundLevel is null ? null : Vocabulary.FundLevels.Label(FundLevel);
    public string KindLabel => Vocabulary.DocumentKinds.Label(Kind);
    public IReadOnlyList<string> BudgetSubjectList => (BudgetSubjects ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The id under the name the project page's list of fund documents reads.</summary>
    public string DocumentId => Id;
}

/// <summary>The documents table: columns, the public rule (<see cref="Public.Documents"/>) and its named queries.</summary>
public static class DocumentRecords
{
    public static readonly PublicRows Rows = new("documents d", Public.Documents, "d.id", HasPublicationTime: true);

    /// <summary>The columns of <see cref="DocumentRecord"/> over <c>documents d</c>.</summary>
    public const string Select = """
        SELECT d.id, d.number, d.title, d.issuer, d.issued_on, d.fund_level, d.fiscal_year, d.kind, d.task, d.budget_subjects,
               d.direct_fund_flag, d.arose_on, d.published_at, d.source, d.note
        """;

    public const string From = "FROM documents d";

    const string ById = $"{Select} {From} WHERE d.id = @id AND {Public.Documents}";

    /// <summary>Every public document, newest first by issue date (undated ones last), then by id.</summary>
    const string Newest = $"""
        {Select} {From} WHERE {Public.Documents}
        ORDER BY CASE WHEN d.issued_on IS NULL THEN 1 ELSE 0 END, d.issued_on DESC, d.id
        """;

    const string Exists = $"SELECT COUNT(*) {From} WHERE d.id = @id AND {Public.Documents}";

    public static Task<DocumentRecord?> ByIdAsync(DbConnection connection, string id, DateTime now) =>
        connection.QuerySingleOrDefaultAsync<DocumentRecord>(ById, new { id, now });

    public static async Task<IReadOnlyList<DocumentRecord>> NewestFirstAsync(DbConnection connection, DateTime now) =>
        (await connection.QueryAsync<DocumentRecord>(Newest, new { now })).ToList();

    /// <summary>Whether a public document has this id (an API filter naming one is checked first).</summary>
    public static async Task<bool> IsPublicAsync(DbConnection connection, string id, DateTime now) =>
        await connection.ExecuteScalarAsync<long>(Exists, new { id, now }) > 0;
}
