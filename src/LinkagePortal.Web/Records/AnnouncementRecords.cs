using System.Data.Common;

namespace LinkagePortal.Records;

/// <summary>A 公告公示 as its page, the links from other pages, the API and the feed give it.</summary>
public sealed record AnnouncementRecord : CountyRecord
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Publisher { get; init; }
    public required string Body { get; init; }

    /// <summary>落款日期: the date printed at the notice's foot beside its issuer; not its publication time.</summary>
    public DateTime? SignedOn { get; init; }

    /// <summary>The public projects and documents it names, when asked for (per batch in the API).</summary>
    public List<string> ProjectIds { get; } = [];

    public List<string> DocumentIds { get; } = [];

    /// <summary>The notice text as paragraphs, one per printed line.</summary>
    public IReadOnlyList<string> Paragraphs => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// The announcements table: columns, the public rule (<see cref="Public.Announcements"/>: the notice and its source
/// document) and the named queries of the pages, the API and the feed.
/// </summary>
public static class AnnouncementRecords
{
    public static readonly PublicRows Rows = new("announcements a", Public.Announcements, "a.source_document_id", HasPublicationTime: true);

    /// <summary>The columns of <see cref="AnnouncementRecord"/> over <see cref="From"/>.</summary>
    public const string Select = """
        SELECT a.id, a.title, a.county_code, c.short_name AS county_name, a.publisher, a.arose_on, a.published_at, a.body,
               a.source_document_id, COALESCE(d.number, d.title) AS source_document_name, a.note, a.signed_on
        """;

    public const string From = "FROM announcements a JOIN regions c ON c.code = a.county_code JOIN documents d ON d.id = a.source_document_id";

    /// <summary>Newest first; a notice without a stated time last (both engines sort NULL lowest), then by id.</summary>
    public const string Newest = "ORDER BY CASE WHEN a.published_at IS NULL THEN 1 ELSE 0 END, a.published_at DESC, a.id";

    const string ById = $"{Select} {From} WHERE a.id = @id AND {Public.Announcements}";

    const string Latest = $"{Select} {From} WHERE {Public.Announcements} {Newest}";

    const string CountPublic = $"SELECT COUNT(*) FROM announcements a WHERE {Public.Announcements}";

    public static Task<AnnouncementRecord?> ByIdAsync(DbConnection connection, string id, DateTime now) =>
        connection.QuerySingleOrDefaultAsync<AnnouncementRecord>(ById, new { id, now });

    /// <summary>The latest <paramref name="take"/> public notices (the home and list pages, the Atom feed).</summary>
    public static async Task<IReadOnlyList<AnnouncementRecord>> LatestAsync(DbConnection connection, Data.SqlDialect dialect, DateTime now, int take) =>
        (await connection.QueryAsync<AnnouncementRecord>(Latest + dialect.Limit("@take"), new { now, take })).ToList();

    public static Task<long> CountAsync(DbConnection connection, DateTime now) => connection.ExecuteScalarAsync<long>(CountPublic, new { now });
}
