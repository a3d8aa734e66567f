using System.Data.Common;
using Dapper;

namespace LinkagePortal.Records;

/// <summary>
/// The character pairs of every region's name and short name (<c>region_fragments</c>, 0085_region_fragments.sql),
/// cut as <see cref="FragmentIndex"/> cuts project texts. A name that holds a text holds each pair of the text's runs,
/// so the regions of the text's rarest pair are the only candidates: the hotline compares a few names with its
/// <c>LIKE '%…%'</c> instead of all 16,000 on every lookup. The importer writes a region's pairs with the region.
/// </summary>
public static class RegionNameIndex
{
    /// <summary>Rows counted to judge how common a pair is among region names.</summary>
    const int SampleSize = 500;

    const string Insert = "INSERT INTO region_fragments (fragment, region_code) VALUES (@fragment, @code)";
    const string DeleteOf = "DELETE FROM region_fragments WHERE region_code = @code";
    const string DeleteAll = "DELETE FROM region_fragments";
    const string AllNames = "SELECT code AS Code, name AS Name, short_name AS ShortName FROM regions";

    // How common a pair is: the first rows of its index range, counted in the database.
    const string PairSample = "SELECT f.region_code FROM region_fragments f WHERE f.fragment = @fragment ORDER BY f.region_code";
    static readonly string PairCountOnSqlite = PairCount(SqlDialect.Sqlite);
    static readonly string PairCountOnSqlServer = PairCount(SqlDialect.SqlServer);

    static string PairCount(SqlDialect dialect) => $"SELECT COUNT(*) FROM ({PairSample}{dialect.Limit("@take")}) s";

    sealed record RegionNames(string Code, string Name, string ShortName);

    /// <summary>The index rows of one region: each pair of its name and short name once.</summary>
    public static IEnumerable<string> PairsOf(string name, string shortName) =>
        FragmentIndex.Pairs(name).Concat(FragmentIndex.Pairs(shortName)).Distinct(StringComparer.Ordinal);

    /// <summary>Writes the pairs of one region anew (the importer, as it writes the region).</summary>
    public static void Refresh(DbConnection connection, DbTransaction transaction, string code, string name, string shortName)
    {
        connection.Execute(DeleteOf, new { code }, transaction);
        connection.Execute(Insert, PairsOf(name, shortName).Select(fragment => new { fragment, code }), transaction);
    }

    /// <summary>Writes the whole index anew (after the migration that creates it, on a database that has regions).</summary>
    public static void Rebuild(DbConnection connection, DbTransaction transaction)
    {
        connection.Execute(DeleteAll, transaction: transaction);
        var regions = connection.Query<RegionNames>(AllNames, transaction: transaction).ToList();
        connection.Execute(Insert, regions.SelectMany(r => PairsOf(r.Name, r.ShortName).Select(fragment => new { fragment, code = r.Code })), transaction);
    }

    /// <summary>
    /// The pair of <paramref name="text"/> that the fewest region names have, to pick the candidates through (bound as
    /// <c>@pair</c> in <c>region_fragments</c>); "" when no region name has one of its pairs (so none holds the text);
    /// null when the text has no run of two letters or digits, which the index cannot answer.
    /// </summary>
    public static async Task<string?> RarestPairAsync(DbConnection connection, SqlDialect dialect, string text)
    {
        var pairCount = dialect == SqlDialect.Sqlite ? PairCountOnSqlite : PairCountOnSqlServer;
        (string Pair, int Count)? rarest = null;
        foreach (var pair in FragmentIndex.Pairs(text))
        {
            var count = await connection.ExecuteScalarAsync<int>(pairCount, new { fragment = pair, take = SampleSize });
            if (count == 0)
            {
                return "";
            }

            if (rarest is null || count < rarest.Value.Count)
            {
                rarest = (pair, count);
            }
        }

        return rarest?.Pair;
    }
}
