using System.Data.Common;

namespace LinkagePortal.Records;

/// <summary>
/// A cell of an allocation table (one region and task of a document) as the document and region pages and the API
/// give it, or a total the table prints for a region (a subtotal row, a county's "all tasks" figure: no row number,
/// part of task or dates of its own).
/// </summary>
public sealed record AllocationRecord : DisclosedRecord
{
    public long Id { get; init; }
    public required string DocumentId { get; init; }
    public string? DocumentNumber { get; init; }
    public required string DocumentName { get; init; }
    public required string SourceTable { get; init; }
    public long? RowNo { get; init; }
    public required string RegionCode { get; init; }
    public required string RegionName { get; init; }
    public required string RegionNamePrinted { get; init; }
    public required string RegionLevel { get; init; }
    public required string Task { get; init; }
    public string? PartOfTask { get; init; }
    public long AmountYuan { get; init; }
    public string? PrintedText { get; init; }
    public required string Derivation { get; init; }
}

/// <summary>
/// The allocations and allocation_totals tables: columns and joins. Public means <see cref="Public.Allocations"/>
/// (the cell and its document) and <see cref="Public.AllocationTotals"/> (the total's document).
/// </summary>
public static class AllocationRecords
{
    public static readonly PublicRows Rows = new("allocations a", Public.Allocations, "a.document_id", HasPublicationTime: true)
    {
        MaintainedCount = RegionTotals.AllAllocationsCount,
    };

    /// <summary>The columns of <see cref="AllocationRecord"/> over <see cref="From"/>.</summary>
    public const string Columns = """
        a.id, a.document_id, d.number AS document_number, COALESCE(d.number, d.title) AS document_name, a.source_table, a.row_no, a.region_code, r.short_name AS region_name,
        a.region_name_printed, r.level AS region_level, a.task, a.part_of_task, a.amount_yuan, a.printed_text, a.derivation, a.note,
        a.arose_on, a.published_at
        """;

    public const string From = "FROM allocations a JOIN documents d ON d.id = a.document_id JOIN regions r ON r.code = a.region_code";

    /// <summary>The columns of a printed total as an <see cref="AllocationRecord"/>, over <see cref="TotalsFrom"/>.</summary>
    public const string TotalColumns = """
        t.id, t.document_id, d.number AS document_number, COALESCE(d.number, d.title) AS document_name, t.source_table, t.region_code,
        r.short_name AS region_name, t.region_name_printed, r.level AS region_level, t.task, t.amount_yuan, t.printed_text, t.derivation, t.note
        """;

    public const string TotalsFrom = "FROM allocation_totals t JOIN documents d ON d.id = t.document_id JOIN regions r ON r.code = t.region_code";

    // A document's public county cells summed per prefecture (their parent region); a "其中" column is part of a task
    // already counted, so it is left out.
    const string SumsByPrefecture = $"""
        SELECT p.code AS Code, p.short_name AS Name, SUM(a.amount_yuan) AS AmountYuan
        FROM allocations a
        JOIN regions c ON c.code = a.region_code
        JOIN regions p ON p.code = c.parent_code
        WHERE a.document_id = @id AND a.part_of_task IS NULL AND c.level = 'county' AND {Public.Allocations}
        GROUP BY p.code, p.short_name
        ORDER BY p.code
        """;

    /// <summary>What a document allocated to each prefecture: the sum of its public county cells there, by prefecture code.</summary>
    public static async Task<IReadOnlyList<RegionAmount>> SumsByPrefectureAsync(DbConnection connection, string documentId, DateTime now) =>
        (await connection.QueryAsync<RegionAmount>(SumsByPrefecture, new { id = documentId, now })).ToList();
}

/// <summary>An amount in yuan for a region, named by its short name.</summary>
public sealed record RegionAmount
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public long AmountYuan { get; init; }
}
