using System.Data.Common;
using Dapper;
using LinkagePortal.Data;

namespace LinkagePortal.Import;

/// <summary>
/// What a file's rows may refer to: keys already in the database (read inside the import's transaction) and keys the
/// same file adds. Loaded on first use.
/// </summary>
public sealed class ImportContext(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
{
    const string RegionLevels = "SELECT code, level FROM regions";
    const string DocumentIds = "SELECT id FROM documents";
    const string ProjectIds = "SELECT code, id FROM projects";
    const string ProjectIdByCode = "SELECT id FROM projects WHERE code = @code";
    const string AnnouncementIds = "SELECT id FROM announcements";

    Dictionary<string, string>? regionLevels;
    HashSet<string>? documents;
    Dictionary<string, int>? projects;
    HashSet<string>? announcements;

    /// <summary>Projects whose name, responsible unit or places this import wrote: their fragments are written anew.</summary>
    public HashSet<long> ProjectsWritten { get; } = [];

    /// <summary>Writes the versions of the records this import touches (Import/VersionWriter.cs).</summary>
    public required VersionWriter Versions { get; init; }

    /// <summary>Whose cached pages this import changes.</summary>
    public ChangedCounties ChangedCounties { get; } = new();

    /// <summary>What this import changed that the maintained region totals depend on.</summary>
    public RegionTotals.Changes TotalsChanged { get; } = new();

    public DbConnection Connection { get; } = connection;
    public DbTransaction Transaction { get; } = transaction;
    public SqlDialect Dialect { get; } = dialect;

    public Dictionary<string, string> Regions =>
        regionLevels ??= Connection.Query<(string Code, string Level)>(RegionLevels, transaction: Transaction).ToDictionary(r => r.Code, r => r.Level);

    public HashSet<string> Documents =>
        documents ??= Connection.Query<string>(DocumentIds, transaction: Transaction).ToHashSet();

    public Dictionary<string, int> Projects =>
        projects ??= Connection.Query<(string Code, int Id)>(ProjectIds, transaction: Transaction).ToDictionary(p => p.Code, p => p.Id);

    public HashSet<string> Announcements =>
        announcements ??= Connection.Query<string>(AnnouncementIds, transaction: Transaction).ToHashSet();

    /// <summary>Checks that a region code exists (and, when levels are given, is of one of them).</summary>
    public void CheckRegion(CsvRecord record, string column, string? code, params string[] levels)
    {
        if (code is null || code.Length == 0)
        {
            return;
        }

        if (!Regions.TryGetValue(code, out var level))
        {
            record.Fail(column, $"unknown region code '{code}' (not in regions)");
        }
        else if (levels.Length > 0 && !levels.Contains(level))
        {
            record.Fail(column, $"region '{code}' is a {level}; expected {string.Join(" or ", levels)}");
        }
    }

    /// <summary>The value of a required column that names a region (of one of <paramref name="levels"/>, when given).</summary>
    public string RequiredRegion(CsvRecord record, string column, params string[] levels)
    {
        var code = record.Required(column);
        CheckRegion(record, column, code, levels);
        return code;
    }

    /// <summary>The value of a required column that names a document.</summary>
    public string RequiredDocument(CsvRecord record, string column)
    {
        var id = record.Required(column);
        CheckDocument(record, column, id);
        return id;
    }

    public void CheckDocument(CsvRecord record, string column, string? id)
    {
        if (!string.IsNullOrEmpty(id) && !Documents.Contains(id))
        {
            record.Fail(column, $"unknown document id '{id}' (not in documents)");
        }
    }

    public void CheckProject(CsvRecord record, string column, string? code)
    {
        if (!string.IsNullOrEmpty(code) && !Projects.ContainsKey(code))
        {
            record.Fail(column, $"unknown project code '{code}' (not in projects)");
        }
    }

    public void CheckAnnouncement(CsvRecord record, string column, string? id)
    {
        if (!string.IsNullOrEmpty(id) && !Announcements.Contains(id))
        {
            record.Fail(column, $"unknown announcement id '{id}' (not in announcements)");
        }
    }

    /// <summary>The id of a project written earlier in this import or already stored.</summary>
    public int ProjectId(string code)
    {
        if (Projects.TryGetValue(code, out var id) && id > 0)
        {
            return id;
        }

        id = Connection.ExecuteScalar<int>(ProjectIdByCode, new { code }, Transaction);
        Projects[code] = id;
        return id;
    }
}
