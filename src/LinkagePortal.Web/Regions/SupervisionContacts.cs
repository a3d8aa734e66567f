using System.Data.Common;
using Dapper;

namespace LinkagePortal.Regions;

/// <summary>
/// Whom to call: the supervision hotline and discipline-inspection line printed in a county's notices. A village or
/// township is supervised by its county; the contacts of the prefecture and autonomous region follow when known.
/// </summary>
public static class SupervisionContacts
{
    // Most specific first: '654202' sorts after '6542' and '65'.
    const string ForCodes = """
        SELECT c.region_code AS RegionCode, r.short_name AS RegionName, c.hotline AS Hotline, c.discipline_line AS DisciplineLine,
               c.address AS Address, c.email AS Email, d.id AS SourceDocumentId, COALESCE(d.number, d.title) AS SourceName
        FROM contacts c
        JOIN regions r ON r.code = c.region_code
        LEFT JOIN documents d ON d.id = c.source_document_id AND (d.published_at IS NULL OR d.published_at <= @now)
        WHERE c.region_code IN @codes
        ORDER BY c.region_code DESC
        """;

    const string UnderCode = """
        SELECT c.region_code AS RegionCode, r.short_name AS RegionName, c.hotline AS Hotline, c.discipline_line AS DisciplineLine,
               c.address AS Address, c.email AS Email, d.id AS SourceDocumentId, COALESCE(d.number, d.title) AS SourceName
        FROM contacts c
        JOIN regions r ON r.code = c.region_code
        LEFT JOIN documents d ON d.id = c.source_document_id AND (d.published_at IS NULL OR d.published_at <= @now)
        WHERE c.region_code > @code AND c.region_code < @upper
        ORDER BY c.region_code
        """;

    public sealed record Contact
    {
        public required string RegionCode { get; init; }
        public required string RegionName { get; init; }
        public string? Hotline { get; init; }
        public string? DisciplineLine { get; init; }
        public string? Address { get; init; }
        public string? Email { get; init; }
        public string? SourceDocumentId { get; init; }
        public string? SourceName { get; init; }
    }

    /// <summary>The contacts that apply to a place: its county's (for a county or below), then the prefecture's and region's.</summary>
    public static async Task<IReadOnlyList<Contact>> ForAsync(DbConnection connection, string code, DateTime now)
    {
        var codes = RegionCodes.Ancestors(code).Where(c => c.Length <= RegionCodes.CountyLength).ToList();
        if (code.Length <= RegionCodes.CountyLength)
        {
            codes.Add(code);
        }

        return (await connection.QueryAsync<Contact>(ForCodes, new { codes, now })).ToList();
    }

    /// <summary>The contacts of the counties under a prefecture or the autonomous region.</summary>
    public static async Task<IReadOnlyList<Contact>> UnderAsync(DbConnection connection, string code, DateTime now) =>
        (await connection.QueryAsync<Contact>(UnderCode, new { code, upper = RegionCodes.Upper(code), now })).ToList();
}
