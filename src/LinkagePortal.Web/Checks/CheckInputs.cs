using System.Data.Common;
using System.Globalization;
using Dapper;

namespace LinkagePortal.Checks;

/// <summary>Everything the checks read, public records only (the records' embargo rule, <see cref="Public"/>), read once per rebuild.</summary>
public sealed class CheckInputs
{
    public sealed record Rule
    {
        public required string Id { get; init; }
        public required string CheckKind { get; init; }
        public required string Title { get; init; }
        public required string DocumentId { get; init; }
        public required string Article { get; init; }
        public required string Quote { get; init; }
        public string? Keywords { get; init; }

        public string[] Words => (Keywords ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public sealed record County
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
    }

    public sealed record Document
    {
        public required string Id { get; init; }
        public string? Number { get; init; }
        public required string Title { get; init; }
        public required string Kind { get; init; }
        public int? FiscalYear { get; init; }
        public DateTime? IssuedOn { get; init; }
        public DateTime? AroseOn { get; init; }

        /// <summary>How a document is named on a page: its number, or its title when it has none.</summary>
        public string Label => Number ?? Title;

        /// <summary>linkage for an allocation document, bond for a bond plan; other kinds allocate nothing.</summary>
        public string? Programme => Kind switch { "allocation" => "linkage", "bond" => "bond", _ => null };
    }

    public sealed record Allocation
    {
        public required string DocumentId { get; init; }
        public required string CountyCode { get; init; }
        public required string Task { get; init; }
        public required long AmountYuan { get; init; }
    }

    public sealed record Project
    {
        public required int Id { get; init; }
        public required string Code { get; init; }
        public required string Programme { get; init; }
        public required int FiscalYear { get; init; }
        public required string Name { get; init; }
        public required string CountyCode { get; init; }
        public required long AmountYuan { get; init; }
        public long? SpentYuan { get; init; }
        public string? Category { get; init; }
        public string? ConstructionContent { get; init; }
        public required string SourceDocumentId { get; init; }
        public required string SourceTable { get; init; }

        public List<string> FundDocuments { get; } = [];
    }

    public sealed record FundReport
    {
        public required string CountyCode { get; init; }
        public required int FiscalYear { get; init; }
        public required string Item { get; init; }
        public required string Label { get; init; }
        public required string Value { get; init; }
        public required string Unit { get; init; }
        public required string SourceDocumentId { get; init; }

        /// <summary>A 万元 figure in whole yuan.</summary>
        public long? Yuan => Unit == "万元" && decimal.TryParse(Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var wan)
            ? (long)(wan * Money.YuanPerWan)
            : null;
    }

    public sealed record Announcement
    {
        public required string Id { get; init; }
        public required string Title { get; init; }
        public required string CountyCode { get; init; }
        public required string Body { get; init; }

        public List<int> ProjectIds { get; } = [];
    }

    public sealed record Complaint
    {
        public required string CountyCode { get; init; }
        public required string Status { get; init; }
        public required DateTime ReceivedAt { get; init; }
        public DateTime? ClosedAt { get; init; }
    }

    public required DateTime Now { get; init; }
    public required IReadOnlyList<Rule> Rules { get; init; }
    public required IReadOnlyDictionary<string, County> Counties { get; init; }
    public required IReadOnlyDictionary<string, Document> Documents { get; init; }
    public required IReadOnlyList<Allocation> Allocations { get; init; }
    public required IReadOnlyList<Project> Projects { get; init; }
    public required IReadOnlyList<FundReport> FundReports { get; init; }
    public required IReadOnlyList<Announcement> Announcements { get; init; }
    public required IReadOnlySet<string> CountiesWithHotline { get; init; }
    public required IReadOnlyList<Complaint> Complaints { get; init; }

    public static async Task<CheckInputs> ReadAsync(DbConnection connection, DateTime now, CancellationToken cancellationToken)
    {
        var at = new { now };
        async Task<List<T>> Read<T>(string sql) =>
            (await connection.QueryAsync<T>(new CommandDefinition(sql, at, cancellationToken: cancellationToken))).AsList();

        var projects = await Read<Project>(CheckSql.Projects);
        var byId = projects.ToDictionary(p => p.Id);
        foreach (var (projectId, documentId) in await Read<(int, string)>(CheckSql.ProjectFunds))
        {
            if (byId.TryGetValue(projectId, out var project))
            {
                project.FundDocuments.Add(documentId);
            }
        }

        var announcements = await Read<Announcement>(CheckSql.Announcements);
        var announcementsById = announcements.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var (announcementId, projectId) in await Read<(string, int)>(CheckSql.AnnouncementProjects))
        {
            if (announcementsById.TryGetValue(announcementId, out var announcement) && byId.ContainsKey(projectId))
            {
                announcement.ProjectIds.Add(projectId);
            }
        }

        var complaints = (await Read<Complaint>(CheckSql.Complaints))
            .Select(c => c with { ReceivedAt = Utc(c.ReceivedAt), ClosedAt = c.ClosedAt is { } closed ? Utc(closed) : null })
            .ToList();

        return new CheckInputs
        {
            Now = now,
            Rules = await Read<Rule>(CheckSql.Rules),
            Counties = (await Read<County>(CheckSql.Counties)).ToDictionary(c => c.Code, StringComparer.Ordinal),
            Documents = (await Read<Document>(CheckSql.Documents)).ToDictionary(d => d.Id, StringComparer.Ordinal),
            Allocations = await Read<Allocation>(CheckSql.Allocations),
            Projects = projects,
            FundReports = await Read<FundReport>(CheckSql.FundReports),
            Announcements = announcements,
            CountiesWithHotline = (await Read<string>(CheckSql.Hotlines)).ToHashSet(StringComparer.Ordinal),
            Complaints = complaints,
        };
    }

    static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
