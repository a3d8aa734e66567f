using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;

namespace LinkagePortal.Records;

/// <summary>
/// The one index of text fragments that search and the hotline lookup find projects by: each project's name,
/// responsible unit and printed places as their overlapping character pairs (Chinese has no spaces to break words
/// on: 辣椒烘干 → 辣椒 椒烘 烘干), in the ordinary table <c>project_fragments</c> on both engines (0008_fragments.sql).
/// The importer writes it (<see cref="Refresh"/>) for the projects it writes; a project changed by plain SQL is found
/// by its new text only once refreshed. A query's rarest three pairs pick candidates through the index; each candidate's
/// current text is then compared here, so a stale entry never finds a project by text it no longer has. How rare a
/// pair is comes from <c>project_fragment_counts</c> (0090_fragment_counts.sql), which every writer of the index keeps
/// exact in the same transaction as the rows.
/// </summary>
public static class FragmentIndex
{
    /// <summary>Which text of a project a fragment comes from.</summary>
    public enum Field { Name = 1, ResponsibleUnit = 2, Place = 3 }

    public const string Insert = "INSERT INTO project_fragments (fragment, field, project_id) VALUES (@fragment, @field, @projectId)";
    const string DeleteOf = "DELETE FROM project_fragments WHERE project_id IN @ids";
    const string DeleteAll = "DELETE FROM project_fragments";
    const string FragmentsOf = "SELECT fragment AS Fragment, field AS Field FROM project_fragments WHERE project_id IN @ids";
    const string TextsOf = "SELECT id AS Id, name AS Name, responsible_unit AS ResponsibleUnit FROM projects WHERE id IN @ids";
    const string AllTexts = "SELECT id AS Id, name AS Name, responsible_unit AS ResponsibleUnit FROM projects";
    const string PlacesOf = "SELECT project_id AS ProjectId, place_as_printed AS Printed FROM project_places WHERE project_id IN @ids";
    const string AllPlaces = "SELECT project_id AS ProjectId, place_as_printed AS Printed FROM project_places";

    // A pair's count changes by the rows a refresh removed and wrote: added to the stored count, or stored when the pair
    // is new; a count that falls to nothing is removed (so that the table holds exactly the pairs the index has).
    const string AddToCount = "UPDATE project_fragment_counts SET projects = projects + @projects WHERE fragment = @fragment AND field = @field";
    const string CountNewPair = """
        INSERT INTO project_fragment_counts (fragment, field, projects)
        SELECT @fragment, @field, @projects
        WHERE NOT EXISTS (SELECT 1 FROM project_fragment_counts WHERE fragment = @fragment AND field = @field)
        """;
    const string DropEmptyCount = "DELETE FROM project_fragment_counts WHERE fragment = @fragment AND field = @field AND projects = 0";

    // How many projects have each pair of a query in a field: one seek per pair, however common the pair.
    const string PairCounts = "SELECT fragment AS Fragment, projects AS Projects FROM project_fragment_counts WHERE field = @field AND fragment IN @pairs";

    // Candidates, one statement per field (each a static string, so that the SQL Server parse test reads all three).
    static readonly string NameCandidates = Candidates(Field.Name, "p.name");
    static readonly string UnitCandidates = Candidates(Field.ResponsibleUnit, "p.responsible_unit");
    static readonly string PlaceCandidates = Candidates(Field.Place, "pp.place_as_printed", "JOIN project_places pp ON pp.project_id = f.project_id", ", pp.id");

    /// <summary>
    /// Projects having the three pairs in the field (the rarest drives, the others are seeks), in id order (the
    /// index's), with the field's current text. Three rather than two: at a million projects two common pairs of a
    /// query are often both in a text that does not hold the query, and every such candidate costs a project row.
    /// </summary>
    static string Candidates(Field field, string text, string join = "", string thenBy = "") => $"""
        SELECT p.id AS ProjectId, {text} AS Text
        FROM project_fragments f JOIN projects p ON p.id = f.project_id {join}
        WHERE f.fragment = @first AND f.field = {(int)field}
          AND EXISTS (SELECT 1 FROM project_fragments s WHERE s.fragment = @second AND s.field = {(int)field} AND s.project_id = f.project_id)
          AND EXISTS (SELECT 1 FROM project_fragments t WHERE t.fragment = @third AND t.field = {(int)field} AND t.project_id = f.project_id)
          AND {Public.Projects}
        ORDER BY f.project_id{thenBy}
        """;

    sealed record ProjectTexts(long Id, string Name, string? ResponsibleUnit);

    sealed record PlaceText(long ProjectId, string Printed);

    sealed record Candidate(long ProjectId, string? Text);

    /// <summary>
    /// The text as the index sees it: compatibility forms folded (ＡＢ１ → AB1), ASCII letters upper case, and cut into
    /// runs of letters and digits (spaces and punctuation separate runs and are not indexed).
    /// </summary>
    public static IReadOnlyList<string> Runs(string? text)
    {
        var runs = new List<string>();
        var run = new StringBuilder();
        foreach (var rune in (text ?? "").Normalize(NormalizationForm.FormKC).EnumerateRunes().Append(new Rune(' ')))
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.IsNumber(rune))
            {
                run.Append(rune.IsAscii ? char.ToUpperInvariant((char)rune.Value) : rune.ToString());
            }
            else
            {
                if (run.Length > 0)
                {
                    runs.Add(run.ToString());
                }

                run.Clear();
            }
        }

        return runs;
    }

    /// <summary>The character pairs of a text's runs, each once; a run of one character gives none.</summary>
    public static IEnumerable<string> Pairs(string? text) => Runs(text).SelectMany(RunPairs).Distinct(StringComparer.Ordinal);

    static IEnumerable<string> RunPairs(string run)
    {
        var elements = StringInfo.GetTextElementEnumerator(run);
        var letters = new List<string>();
        while (elements.MoveNext())
        {
            letters.Add(elements.GetTextElement());
        }

        return letters.Zip(letters.Skip(1), (a, b) => a + b);
    }

    /// <summary>The index rows of one project: (fragment, field), each once.</summary>
    public static IEnumerable<(string Fragment, Field Field)> RowsOf(string name, string? responsibleUnit, IEnumerable<string> places) =>
        Pairs(name).Select(f => (f, Field.Name))
            .Concat(Pairs(responsibleUnit).Select(f => (f, Field.ResponsibleUnit)))
            .Concat(places.SelectMany(Pairs).Distinct(StringComparer.Ordinal).Select(f => (f, Field.Place)));

    /// <summary>Writes the index rows of these projects anew from their current name, unit and places, and the pairs' counts.</summary>
    public static void Refresh(DbConnection connection, DbTransaction transaction, IEnumerable<long> projectIds)
    {
        foreach (var ids in projectIds.Distinct().Chunk(IdLists.ChunkSize))
        {
            var counts = new CountChanges();
            counts.Tally(connection.Query<Entry>(FragmentsOf, new { ids }, transaction), -1);
            connection.Execute(DeleteOf, new { ids }, transaction);
            var entries = EntriesOf(connection.Query<ProjectTexts>(TextsOf, new { ids }, transaction),
                connection.Query<PlaceText>(PlacesOf, new { ids }, transaction)).ToList();
            Write(connection, transaction, entries);
            counts.Tally(entries, 1);
            counts.Save(connection, transaction);
        }
    }

    /// <summary>
    /// Writes the whole index anew (after the migration that creates it, on a database that has projects). The pairs'
    /// counts do not exist yet then: 0090_fragment_counts.sql counts the rows written here.
    /// </summary>
    public static void Rebuild(DbConnection connection, DbTransaction transaction)
    {
        connection.Execute(DeleteAll, transaction: transaction);
        Write(connection, transaction, EntriesOf(connection.Query<ProjectTexts>(AllTexts, transaction: transaction),
            connection.Query<PlaceText>(AllPlaces, transaction: transaction)));
    }

    /// <summary>One index row; a row read back has no project id (only its pair is counted).</summary>
    sealed class Entry
    {
        public string Fragment { get; init; } = "";
        public int Field { get; init; }
        public long ProjectId { get; init; }
    }

    static IEnumerable<Entry> EntriesOf(IEnumerable<ProjectTexts> projects, IEnumerable<PlaceText> places)
    {
        var placesOf = places.ToLookup(p => p.ProjectId, p => p.Printed);
        return projects.SelectMany(p => RowsOf(p.Name, p.ResponsibleUnit, placesOf[p.Id])
            .Select(r => new Entry { Fragment = r.Fragment, Field = (int)r.Field, ProjectId = p.Id }));
    }

    static void Write(DbConnection connection, DbTransaction transaction, IEnumerable<Entry> entries) =>
        connection.Execute(Insert, entries.Select(e => new { fragment = e.Fragment, field = e.Field, projectId = e.ProjectId }), transaction);

    /// <summary>The change a write makes to each pair's count: minus the rows it removed, plus the rows it wrote.</summary>
    sealed class CountChanges
    {
        readonly Dictionary<(string Fragment, int Field), int> change = [];

        public void Tally(IEnumerable<Entry> entries, int by)
        {
            foreach (var entry in entries)
            {
                change[(entry.Fragment, entry.Field)] = change.GetValueOrDefault((entry.Fragment, entry.Field)) + by;
            }
        }

        public void Save(DbConnection connection, DbTransaction transaction)
        {
            var changed = change.Where(c => c.Value != 0)
                .Select(c => new { fragment = c.Key.Fragment, field = c.Key.Field, projects = c.Value }).ToList();
            connection.Execute(AddToCount, changed, transaction);
            connection.Execute(CountNewPair, changed.Where(c => c.projects > 0), transaction);
            connection.Execute(DropEmptyCount, changed.Where(c => c.projects < 0), transaction);
        }
    }

    sealed class PairCount
    {
        public string Fragment { get; init; } = "";
        public long Projects { get; init; }
    }

    /// <summary>
    /// Visible projects whose <paramref name="field"/> holds every run of two or more letters or digits of the query,
    /// in id order, at most <paramref name="take"/>. Null when the query has no such run (the index cannot answer it).
    /// </summary>
    public static async Task<IReadOnlyList<long>?> FindAsync(DbConnection connection, SqlDialect dialect, Field field, string query, DateTime now, int take)
    {
        var runs = Runs(query).Where(r => r.Length >= 2).ToList();
        var pairs = runs.SelectMany(RunPairs).Distinct(StringComparer.Ordinal).ToList();
        if (pairs.Count == 0)
        {
            return null;
        }

        var counts = (await connection.QueryAsync<PairCount>(PairCounts, new { field = (int)field, pairs })).ToDictionary(c => c.Fragment, c => c.Projects);
        if (counts.Count < pairs.Count)
        {
            return [];
        }

        var byRarity = pairs.OrderBy(p => counts[p]).ToList();
        var sql = field switch
        {
            Field.Name => NameCandidates,
            Field.ResponsibleUnit => UnitCandidates,
            _ => PlaceCandidates,
        };
        var candidates = await connection.QueryAsync<Candidate>(sql + dialect.Limit("@take"),
            new { first = byRarity[0], second = byRarity[Math.Min(1, byRarity.Count - 1)], third = byRarity[Math.Min(2, byRarity.Count - 1)], now, take = take * 2 });
        return candidates
            .Where(c => Holds(Runs(c.Text), runs))
            .Select(c => c.ProjectId)
            .Distinct()
            .Take(take)
            .ToList();
    }

    /// <summary>Each of the query's runs lies inside one run of the text (as a phrase of pairs would).</summary>
    static bool Holds(IReadOnlyList<string> textRuns, IEnumerable<string> queryRuns) =>
        queryRuns.All(q => textRuns.Any(t => t.Contains(q, StringComparison.Ordinal)));
}
