using System.Data.Common;

namespace LinkagePortal.Records;

/// <summary>Whom to call about a region: the telephones and addresses its notices print.</summary>
public sealed record ContactRecord
{
    public required string RegionCode { get; init; }
    public required string RegionName { get; init; }
    public string? Hotline { get; init; }
    public string? DisciplineLine { get; init; }
    public string? Address { get; init; }
    public string? Email { get; init; }

    /// <summary>The document that prints them; null while it is embargoed (the contact itself is always public).</summary>
    public string? SourceDocumentId { get; init; }
    public string? SourceName { get; init; }
    public string? Note { get; init; }
}

/// <summary>
/// The contacts table. A contact has no embargo of its own; its source is named only when the document is public
/// (<see cref="Public.Documents"/>). A village or township is supervised by its county; the contacts of the
/// prefecture and autonomous region follow when known.
/// </summary>
public static class ContactRecords
{
    public static readonly PublicRows Rows = new("contacts c", Rule: null, "c.source_document_id", HasPublicationTime: false);

    public const string Select = """
        SELECT c.region_code, r.short_name AS region_name, c.hotline, c.discipline_line, c.address, c.email,
               d.id AS source_document_id, COALESCE(d.number, d.title) AS source_name, c.note
        """;

    public const string From = $"FROM contacts c JOIN regions r ON r.code = c.region_code LEFT JOIN documents d ON d.id = c.source_document_id AND {Public.Documents}";

    // Most specific first: '654202' sorts after '6542' and '65'.
    const string ForCodes = $"{Select} {From} WHERE c.region_code IN @codes ORDER BY c.region_code DESC";

    const string UnderCode = $"{Select} {From} WHERE c.region_code > @code AND c.region_code <= @codeLast ORDER BY c.region_code";

    /// <summary>The contacts that apply to a place: its county's (for a county or below), then the prefecture's and region's.</summary>
    public static async Task<IReadOnlyList<ContactRecord>> ForAsync(DbConnection connection, string code, DateTime now)
    {
        var codes = RegionCodes.Ancestors(code).Where(c => c.Length <= RegionCodes.CountyLength).ToList();
        if (code.Length <= RegionCodes.CountyLength)
        {
            codes.Add(code);
        }

        return (await connection.QueryAsync<ContactRecord>(ForCodes, new { codes, now })).ToList();
    }

    /// <summary>The contacts of the counties under a prefecture or the autonomous region.</summary>
    public static async Task<IReadOnlyList<ContactRecord>> UnderAsync(DbConnection connection, string code, DateTime now) =>
        (await connection.QueryAsync<ContactRecord>(UnderCode, new { code, codeLast = RegionCodes.Last(code), now })).ToList();
}
