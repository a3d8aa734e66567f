using System.Data.Common;

namespace LinkagePortal.Records;

/// <summary>A row of a 绩效目标表, as the project and document pages and the API give it.</summary>
public sealed record PerformanceTarget : DisclosedRecord
{
    public long Id { get; init; }
    public string? DocumentId { get; init; }
    public string? DocumentName { get; init; }
    public string? ProjectCode { get; init; }
    public string? Level1 { get; init; }
    public required string Level2 { get; init; }
    public string? Level3 { get; init; }
    public string? TargetValue { get; init; }
    public string? Unit { get; init; }
    public string? ActualValue { get; init; }
    public required string SourceTable { get; init; }
}

/// <summary>One printed target table: its document (when it belongs to one) and its rows.</summary>
public sealed record TargetTable(string? DocumentId, string? DocumentName, string SourceTable, IReadOnlyList<PerformanceTarget> Rows);

/// <summary>
/// The performance_targets table: columns, the public rule (<see cref="Public.PerformanceTargets"/>: the row, its
/// document and its project) and the named queries of the pages and the API.
/// </summary>
public static class PerformanceTargetRecords
{
    public static readonly PublicRows Rows = new("performance_targets t", Public.PerformanceTargets, "t.document_id", HasPublicationTime: true);

    public const string Select = """
        SELECT t.id, t.document_id, COALESCE(d.number, d.title) AS document_name, p.code AS project_code, t.level1, t.level2, t.level3,
               t.target_value, t.unit, t.actual_value, t.source_table, t.note, t.arose_on, t.published_at
        """;

    public const string From = "FROM performance_targets t LEFT JOIN documents d ON d.id = t.document_id LEFT JOIN projects p ON p.id = t.project_id";

    const string OfProject = $"{Select} {From} WHERE t.project_id = @id AND {Public.PerformanceTargets} ORDER BY t.id";

    // The target tables of the documents that fund a project.
    const string OfProjectFunds = $"""
        {Select} {From} JOIN project_funds f ON f.document_id = t.document_id
        WHERE f.project_id = @id AND t.project_id IS NULL AND {Public.PerformanceTargets}
        ORDER BY t.document_id, t.id
        """;

    const string OfDocument = $"{Select} {From} WHERE t.document_id = @id AND t.project_id IS NULL AND {Public.PerformanceTargets} ORDER BY t.id";

    /// <summary>A project's own target tables; null when it has none.</summary>
    public static async Task<IReadOnlyList<TargetTable>?> OfProjectAsync(DbConnection connection, long id, DateTime now) =>
        Tables(await connection.QueryAsync<PerformanceTarget>(OfProject, new { id, now }), withDocument: true);

    /// <summary>The target tables of the documents that fund a project.</summary>
    public static async Task<IReadOnlyList<TargetTable>> OfProjectFundsAsync(DbConnection connection, long id, DateTime now) =>
        Tables(await connection.QueryAsync<PerformanceTarget>(OfProjectFunds, new { id, now }), withDocument: true) ?? [];

    /// <summary>The target tables attached to a document.</summary>
    public static async Task<IReadOnlyList<TargetTable>> OfDocumentAsync(DbConnection connection, string id, DateTime now) =>
        Tables(await connection.QueryAsync<PerformanceTarget>(OfDocument, new { id, now }), withDocument: false) ?? [];

    /// <summary>Rows grouped into their printed tables, each under its document unless the page is the document.</summary>
    static IReadOnlyList<TargetTable>? Tables(IEnumerable<PerformanceTarget> rows, bool withDocument)
    {
        var tables = rows
            .GroupBy(t => (DocumentId: withDocument ? t.DocumentId : null, DocumentName: withDocument ? t.DocumentName : null, t.SourceTable))
            .Select(g => new TargetTable(g.Key.DocumentId, g.Key.DocumentName, g.Key.SourceTable, g.ToList()))
            .ToList();
        return tables.Count == 0 ? null : tables;
    }
}
