using System.Data.Common;

namespace LinkagePortal.Records;

/// <summary>A division of Xinjiang at any of the five levels (see <see cref="RegionCodes"/>).</summary>
public record RegionRecord
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string ShortName { get; init; }
    public required string Level { get; init; }

    /// <summary>The division above; null for the autonomous region.</summary>
    public string? ParentCode { get; init; }
    public string LevelLabel => Vocabulary.RegionLevels.Label(Level);
}

/// <summary>The regions table (public as a whole: the official division codes) and its named queries.</summary>
public static class RegionRecords
{
    public static readonly PublicRows Rows = new("regions r", Rule: null, SourceColumn: null, HasPublicationTime: false);

    /// <summary>The columns of <see cref="RegionRecord"/> over <see cref="From"/>.</summary>
    public const string Select = "SELECT r.code, r.name, r.short_name, r.level, r.parent_code";

    public const string From = "FROM regions r";

    const string ByCode = $"{Select} {From} WHERE r.code = @code";

    const string ByCodes = $"{Select} {From} WHERE r.code IN @codes ORDER BY r.code";

    const string Children = $"{Select} {From} WHERE r.parent_code = @code ORDER BY r.code";

    /// <summary>The region of a well-formed code; null for any other text.</summary>
    public static async Task<RegionRecord?> FindAsync(DbConnection connection, string code) =>
        RegionCodes.IsWellFormed(code) ? await connection.QuerySingleOrDefaultAsync<RegionRecord>(ByCode, new { code }) : null;

    /// <summary>The regions above a code, outermost first (a breadcrumb).</summary>
    public static async Task<IReadOnlyList<RegionRecord>> AncestorsAsync(DbConnection connection, string code) =>
        (await connection.QueryAsync<RegionRecord>(ByCodes, new { codes = RegionCodes.Ancestors(code) })).ToList();

    public static async Task<IReadOnlyList<RegionRecord>> ChildrenAsync(DbConnection connection, string code) =>
        (await connection.QueryAsync<RegionRecord>(Children, new { code })).ToList();
}
