using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Hotline;
using LinkagePortal.Records;
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
}
