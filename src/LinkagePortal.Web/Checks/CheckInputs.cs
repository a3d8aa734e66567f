using System.Data.Common;
using System.Globalization;
using Dapper;

namespace LinkagePortal.Checks;

/// <summary>
/// Everything the checks read, read once per rebuild: public records only, as the records give them (their row types,
/// columns and embargo rule, <see cref="Public"/>), besides the rules, the counties' own accounts and the complaints.
/// </summary>
public sealed class CheckInputs
{
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

    public sealed record Complaint
    {
        public required string CountyCode { get; init; }
        public required string Status { get; init; }
        public required DateTime ReceivedAt { get; init; }
        public DateTime? ClosedAt { get; init; }
    }

    public required DateTime Now { get; init; }
    public required IReadOnlyList<CheckRule> Rules { get; init; }
    public required IReadOnlyDictionary<string, RegionRecord> Counties { get; init; }
    public required IReadOnlyDictionary<string, DocumentRecord> Documents { get; init; }
    public required IReadOnlyList<AllocationRecord> Allocations { get; init; }

    /// <summary>The projects, each with the public documents that fund it in <see cref="ProjectRecord.DocumentIds"/>.</summary>
    public required IReadOnlyList<ProjectRecord> Projects { get; init; }
    public required IReadOnlyList<FundReport> FundReports { get; init; }

    /// <summary>The notices, each with the codes of the checked projects it lists in <see cref="AnnouncementRecord.ProjectIds"/>.</summary>
    public required IReadOnlyList<AnnouncementRecord> Announcements { get; init; }
    public required IReadOnlySet<string> CountiesWithHotline { get; init; }
    public required IReadOnlyList<Complaint> Complaints { get; init; }

    public static async Task<CheckInputs> ReadAsync(DbConnection connection, DateTime now, CancellationToken cancellationToken)
    {
        var at = new { now };
        async Task<List<T>> Read<T>(string sql) =>
            (await connection.QueryAsync<T>(new CommandDefinition(sql, at, cancellationToken: cancellationToken))).AsList();

        var projects = await Read<ProjectRecord>(CheckSql.Projects);
        var byId = projects.ToDictionary(p => p.Id);
        foreach (var (projectId, documentId) in await Read<(long, string)>(CheckSql.ProjectFunds))
        {
            if (byId.TryGetValue(projectId, out var project))
            {
                project.DocumentIds.Add(documentId);
            }
        }

        var checkedCodes = projects.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var announcements = await Read<AnnouncementRecord>(CheckSql.Announcements);
        var announcementsById = announcements.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var (announcementId, projectCode) in await Read<(string, string)>(CheckSql.AnnouncementProjects))
        {
            if (announcementsById.TryGetValue(announcementId, out var announcement) && checkedCodes.Contains(projectCode))
            {
                announcement.ProjectIds.Add(projectCode);
            }
        }

        var complaints = (await Read<Complaint>(CheckSql.Complaints))
            .Select(c => c with { ReceivedAt = Utc(c.ReceivedAt), ClosedAt = c.ClosedAt is { } closed ? Utc(closed) : null })
            .ToList();

        return new CheckInputs
        {
            Now = now,
            Rules = await Read<CheckRule>(CheckSql.Rules),
            Counties = (await Read<RegionRecord>(CheckSql.Counties)).ToDictionary(c => c.Code, StringComparer.Ordinal),
            Documents = (await Read<DocumentRecord>(CheckSql.Documents)).ToDictionary(d => d.Id, StringComparer.Ordinal),
            Allocations = await Read<AllocationRecord>(CheckSql.Allocations),
            Projects = projects,
            FundReports = await Read<FundReport>(CheckSql.FundReports),
            Announcements = announcements,
            CountiesWithHotline = (await Read<ContactRecord>(CheckSql.Hotlines)).Select(c => c.RegionCode).ToHashSet(StringComparer.Ordinal),
            Complaints = complaints,
        };
    }

    static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);
}

/// <summary>What the checks read from a fund document beyond its record.</summary>
static class FundDocument
{
    extension(DocumentRecord document)
    {
        /// <summary>linkage for an allocation document, bond for a bond plan; other kinds allocate nothing.</summary>
        public string? Programme => document.Kind switch { "allocation" => "linkage", "bond" => "bond", _ => null };
    }
}
