using Dapper;
using LinkagePortal.Benchmark;
using LinkagePortal.Data;
using LinkagePortal.Hotline;
using LinkagePortal.Import;
using LinkagePortal.Records;
using LinkagePortal.Tests.Changes;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Records;

public sealed class FragmentIndexTests
{
    [Fact]
    public void A_text_is_indexed_as_the_character_pairs_of_its_runs_of_letters_and_digits()
    {
        Assert.Equal(["辣椒", "椒烘", "烘干"], FragmentIndex.Pairs("辣椒烘干"));
        Assert.Equal(["百泉", "泉镇", "AB", "B1"], FragmentIndex.Pairs("百泉镇（ａｂ１）"));
        Assert.Empty(FragmentIndex.Pairs("村 镇"));
    }

    [Fact]
    public async Task A_project_renamed_with_plain_sql_is_not_found_by_the_name_it_no_longer_has()
    {
        var db = TestDatabase.SeededSqlite();
        var lookup = new ProjectLookup(db, TimeProvider.System);
        Assert.Contains("654202-2024-004", (await lookup.FindAsync("天富利辣椒")).Select(r => r.Code));

        using (var connection = db.Open())
        {
            connection.Execute("UPDATE projects SET name = '乌苏市番茄加工厂' WHERE code = '654202-2024-004'");
        }

        Assert.DoesNotContain("654202-2024-004", (await lookup.FindAsync("天富利辣椒")).Select(r => r.Code));
    }

    /// <summary>The importer writes the fragments of every project it loads (the seed included).</summary>
    [Fact]
    public void Every_seeded_project_has_its_fragments()
    {
        using var connection = TestDatabase.SeededSqlite().Open();

        Assert.Equal(0, connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM projects p WHERE NOT EXISTS (SELECT 1 FROM project_fragments f WHERE f.project_id = p.id AND f.field = 1)"));
    }

    /// <summary>
    /// The pairs' counts the lookup and search pick the rarest pairs by stay exact through every writer: the seed, an
    /// import that renames a project (pairs it loses and pairs no project had), a full import that withdraws it, and the
    /// synthetic load.
    /// </summary>
    [Fact]
    public async Task Every_pair_count_equals_its_fragment_rows_after_an_import_a_withdrawal_and_the_synthetic_load()
    {
        var db = TestDatabase.SeededSqlite();
        var importer = new Importer(db, TimeProvider.System);
        var lookup = new ProjectLookup(db, TimeProvider.System);
        AssertCountsAreExact(db);

        importer.Import([ChangeFiles.Projects("654202-2024-004", line => line.Replace("天富利辣椒烘干厂", "鹦鹉螺藜麦晾晒场", StringComparison.Ordinal))]);
        AssertCountsAreExact(db);
        Assert.Contains("654202-2024-004", (await lookup.FindAsync("鹦鹉螺藜麦")).Select(r => r.Code));
        Assert.DoesNotContain("654202-2024-004", (await lookup.FindAsync("天富利辣椒")).Select(r => r.Code));

        importer.Import([ChangeFiles.ProjectsWithout("654202-2024-004")], full: true);
        AssertCountsAreExact(db);
        Assert.Empty(await lookup.FindAsync("鹦鹉螺藜麦"));

        SyntheticData.Generate(db, new SyntheticData.Options(3000, 10, Seed: 5), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        AssertCountsAreExact(db);
    }

    static void AssertCountsAreExact(Db db)
    {
        using var connection = db.Open();
        var stored = connection.Query<string>("SELECT fragment || ' ' || field || ' ' || projects FROM project_fragment_counts ORDER BY fragment, field").ToList();
        var direct = connection.Query<string>("SELECT fragment || ' ' || field || ' ' || COUNT(*) FROM project_fragments GROUP BY fragment, field ORDER BY fragment, field").ToList();
        Assert.NotEmpty(direct);
        Assert.Equal(direct, stored);
    }
}
