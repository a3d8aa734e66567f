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
    /// <summary>The index rows of one region: each pair of its name and short name once.</summary>
    public static IEnumerable<string> PairsOf(string name, string shortName) =>
        FragmentIndex.Pairs(name).Concat(FragmentIndex.Pairs(shortName)).Distinct(StringComparer.Ordinal);

    const string Insert = "INSERT INTO region_fragments (fragment, region_code) VALUES (@fragment, @code)";
    const string DeleteOf = "DELETE FROM region_fragments WHERE region_code = @code";

    /// <summary>Writes the pairs of one region anew (the importer, as it writes the region).</summary>
    public static void Refresh(DbConnection connection, DbTransaction transaction, string code, string name, string shortName)
    {
        connection.Execute(DeleteOf, new { code }, transaction);
        connection.Execute(Insert, PairsOf(name, shortName).Select(fragment => new { fragment, code }), transaction);
    }

    const string DeleteAll = "DELETE FROM region_fragments";
    const string AllNames = "SELECT code AS Code, name AS Name, short_name AS ShortName FROM regions";

    sealed record RegionNames(string Code, string Name, string ShortName);

    /// <summary>Writes the whole index anew (after the migration that creates it, on a database that has regions).</summary>
    public static void Rebuild(DbConnection connection, DbTransaction transaction)
    {
        connection.Execute(DeleteAll, transaction: transaction);
        var regions = connection.Query<RegionNames>(AllNames, transaction: transaction).ToList();
        connection.Execute(Insert, regions.SelectMany(r => PairsOf(r.Name, r.ShortName).Select(fragment => new { fragment, code = r.Code })), transaction);
    }

    // How many region names hold each pair of a text, in one statement: the table is small (a pair stands in at most a
    // few thousand of 16,000 names), so an exact tally over the index costs less than a round trip per pair.
    const string PairTallies = "SELECT fragment AS Pair, COUNT(*) AS Names FROM region_fragments WHERE fragment IN @pairs GROUP BY fragment";

    sealed class PairTally
    {
        public string Pair { get; init; } = "";
        public long Names { get; init; }
    }

    /// <summary>
    /// The pair of <paramref name="text"/> that the fewest region names have, to pick the candidates through (bound as
    /// <c>@pair</c> in <c>region_fragments</c>); "" when no region name has one of its pairs (so none holds the text);
    /// null when the text has no run of two letters or digits, which the index cannot answer.
    /// </summary>
    public static async Task<string?> RarestPairAsync(DbConnection connection, string text)
    {
        var pairs = FragmentIndex.Pairs(text).ToList();
        if (pairs.Count == 0)
        {
            return null;
        }

        var tallies = (await connection.QueryAsync<PairTally>(PairTallies, new { pairs })).AsList();
        if (tallies.Count < pairs.Count)
        {
            return "";
        }

        return tallies.OrderBy(t => t.Names).ThenBy(t => t.Pair, StringComparer.Ordinal).First().Pair;
    }
}
