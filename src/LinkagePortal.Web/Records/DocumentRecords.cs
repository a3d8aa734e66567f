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
    /// <summary>The curated data's source: the curators' working file and part (see <see cref="Citations"/>); never shown as such.</summary>
    public required string Source { get; init; }

    /// <summary>The part of the document the data was read from: 正文；附件1 分配表 …</summary>
    public string SourcePart => Citations.Part(Source);

    /// <summary>
    /// The published document this one was printed in (a county's budget disclosure carrying the notices it
    /// forwards), or null when it is published on its own; set by <see cref="DocumentRecords.WithPrintedInAsync"/>.
    /// </summary>
    public DocumentRecord? PrintedIn { get; private set; }

    /// <summary>The source as readers see it: the part, and the document it is printed in when not its own.</summary>
    public string Citation => PrintedIn is { } host
        ? $"收录于{host.Issuer}《{host.Title}》{(host.Number is null ? "" : host.Number)}{(host.IssuedOn is { } on ? $"（{on:yyyy年M月d日}）" : "")}：{SourcePart}"
        : SourcePart;

    public string Name => Number ?? Title;
    public string? FundLevelLabel => FundLevel is null ? null : Vocabulary.FundLevels.Label(FundLevel);
    public string KindLabel => Vocabulary.DocumentKinds.Label(Kind);
    public IReadOnlyList<string> BudgetSubjectList => (BudgetSubjects ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The id under the name the project page's list of fund documents reads.</summary>
    public string DocumentId => Id;

    internal void SetPrintedIn(DocumentRecord? host) => PrintedIn = host;
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

    const string AllPublic = $"{Select} {From} WHERE {Public.Documents}";

    public static async Task<DocumentRecord?> ByIdAsync(DbConnection connection, string id, DateTime now) =>
        await connection.QuerySingleOrDefaultAsync<DocumentRecord>(ById, new { id, now }) is { } document
            ? (await WithPrintedInAsync(connection, [document], now))[0]
            : null;

    /// <summary>
    /// Sets the public document each of these was printed in, when that is another one (<see cref="Citations.Holders"/>).
    /// Documents are few (one row per published document), so every public one is read.
    /// </summary>
    public static async Task<IReadOnlyList<DocumentRecord>> WithPrintedInAsync(DbConnection connection, IReadOnlyList<DocumentRecord> documents, DateTime now)
    {
        var holders = Citations.Holders(await connection.QueryAsync<DocumentRecord>(AllPublic, new { now }));
        foreach (var document in documents)
        {
            document.SetPrintedIn(Citations.WorkingFileOf(document.Source) is { } file && holders.TryGetValue(file, out var host) && host.Id != document.Id
                ? host
                : null);
        }

        return documents;
    }

    public static async Task<IReadOnlyList<DocumentRecord>> NewestFirstAsync(DbConnection connection, DateTime now) =>
        (await connection.QueryAsync<DocumentRecord>(Newest, new { now })).ToList();

    /// <summary>Whether a public document has this id (an API filter naming one is checked first).</summary>
    public static async Task<bool> IsPublicAsync(DbConnection connection, string id, DateTime now) =>
        await connection.ExecuteScalarAsync<long>(Exists, new { id, now }) > 0;
}
