namespace LinkagePortal.Records;

/// <summary>
/// A table's public rows as the catalog counts them: the table with its alias (<c>projects p</c>), its rule from
/// <see cref="Public"/> (null for a table without embargo), the column naming the document a row comes from, and
/// whether rows carry a publication time of their own.
/// </summary>
public sealed record PublicRows(string Table, string? Rule, string? SourceColumn, bool HasPublicationTime)
{
    public string CountSql => MaintainedCount ?? "SELECT COUNT(*) " + From();

    /// <summary>The same count read from totals kept at write time (<see cref="RegionTotals"/>), for tables that have them.</summary>
    public string? MaintainedCount { get; init; }

    /// <summary>Ids of the documents the public rows come from (the catalog names them once public themselves).</summary>
    public string? SourcesSql => SourceColumn is null ? null : $"SELECT DISTINCT {SourceColumn} {From(SourceColumn + " IS NOT NULL")}";

    /// <summary>The latest publication time among the public rows; null when rows have none of their own.</summary>
    public string? LastPublishedSql => HasPublicationTime ? $"SELECT MAX({Table.Split(' ')[1]}.published_at) {From()}" : null;

    string From(string? condition = null) =>
        $"FROM {Table}" + (string.Join(" AND ", new[] { condition, Rule }.OfType<string>()) is { Length: > 0 } where ? " WHERE " + where : "");
}
