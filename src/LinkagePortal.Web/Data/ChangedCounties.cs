using System.Data.Common;
using Dapper;
using LinkagePortal.Records;

namespace LinkagePortal.Data;

/// <summary>
/// Whose cached pages an import changes (<c>data_version_counties</c>): the counties whose records changed, each evicting
/// only the pages that show that county's data (<see cref="DataVersion.CountyDataTag"/>), and always the pages that
/// show more than one county (<see cref="DataVersion.WideTag"/>). A change that cannot be placed in counties (a region,
/// a prefecture's own row, a changed document, a withdrawal, a kind of record not kept on the record) makes it the
/// whole site. Noted by the datasets as they write, stored in the import's transaction under the new data version, and
/// read by every node when it sees the version move.
/// </summary>
public sealed class ChangedCounties
{
    /// <summary>The row that says a version's counties are recorded (and stands for the pages of more than one county).</summary>
    const string Recorded = "";

    /// <summary>Versions whose counties are kept: a node further behind finds a gap and evicts everything.</summary>
    const int KeptVersions = 1000;

    const string Insert = "INSERT INTO data_version_counties (version, county_code) SELECT version, @county FROM data_version WHERE id = 1";
    const string Prune = "DELETE FROM data_version_counties WHERE version <= (SELECT version FROM data_version WHERE id = 1) - @kept";
    const string Between = "SELECT version AS Version, county_code AS CountyCode FROM data_version_counties WHERE version > @seen AND version <= @now";

    readonly HashSet<string> counties = new(StringComparer.Ordinal);

    /// <summary>Whether every cached page is to be evicted.</summary>
    public bool WholeSite { get; private set; }

    public void Everything() => WholeSite = true;

    /// <summary>A record at <paramref name="regionCode"/> changed: its county's pages, or, above a county, every page.</summary>
    public void Region(string? regionCode)
    {
        if (regionCode is null)
        {
            return;
        }

        if (RegionCodes.County(regionCode) is { } county)
        {
            counties.Add(county);
        }
        else
        {
            WholeSite = true;
        }
    }

    public void Regions(IEnumerable<string> regionCodes)
    {
        foreach (var code in regionCodes)
        {
            Region(code);
        }
    }

    /// <summary>Stores the counties under the data version the import has just moved to (nothing for the whole site).</summary>
    public void Write(DbConnection connection, DbTransaction transaction)
    {
        connection.Execute(Prune, new { kept = KeptVersions }, transaction);
        if (!WholeSite)
        {
            connection.Execute(Insert, counties.Prepend(Recorded).Select(county => new { county }), transaction);
        }
    }

    /// <summary>
    /// The counties changed by the versions after <paramref name="seen"/> up to <paramref name="now"/>, or null when any
    /// of them is not recorded (the whole site, or a gap).
    /// </summary>
    public static async Task<IReadOnlySet<string>?> BetweenAsync(DbConnection connection, long seen, long now, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<(long Version, string CountyCode)>(
            new CommandDefinition(Between, new { seen, now }, cancellationToken: cancellationToken))).ToList();
        var recorded = rows.Count(r => r.CountyCode == Recorded);
        return recorded == now - seen ? rows.Select(r => r.CountyCode).Where(c => c != Recorded).ToHashSet(StringComparer.Ordinal) : null;
    }
}
