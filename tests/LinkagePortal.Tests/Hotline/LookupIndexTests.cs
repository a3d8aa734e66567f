using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Hotline;
using LinkagePortal.Import;
using LinkagePortal.Records;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hotline;

/// <summary>
/// The fragment index follows the data the importer writes (and a writer that refreshes it), and the lookup hides
/// what is not yet published.
/// </summary>
public sealed class LookupIndexTests
{
    readonly Db db = TestDatabase.SeededSqlite();

    async Task<List<string>> CodesAsync(string query) =>
        (await new ProjectLookup(db, TimeProvider.System).FindAsync(query)).Select(r => r.Code).ToList();

    static string DataFile(string dataset, string code, Func<string, string> change)
    {
        var lines = File.ReadAllLines(Path.Combine(TestDatabase.Paths.Data, dataset + ".csv"));
        var file = Path.Combine(TestDatabase.NewDirectory("import"), dataset + ".csv");
        File.WriteAllLines(file, [lines[0], .. lines.Where(l => l.StartsWith(code + ",", StringComparison.Ordinal)).Select(change)]);
        return file;
    }

    [Fact]
    public async Task A_project_renamed_by_a_later_import_is_found_by_its_new_name_and_not_its_old_one()
    {
        Assert.Contains("654202-2024-004", await CodesAsync("天富利辣椒"));

        new Importer(db, TimeProvider.System).Import([DataFile("projects", "654202-2024-004", l => l.Replace("天富利辣椒烘干厂", "天富利番茄烘干厂"))]);

        Assert.Equal("654202-2024-004", (await CodesAsync("天富利番茄"))[0]);
        Assert.DoesNotContain("654202-2024-004", await CodesAsync("天富利辣椒"));
    }

    [Fact]
    public async Task A_place_replaced_by_a_later_import_is_found_by_its_new_printed_text()
    {
        Assert.Empty(await CodesAsync("托古里克新莫敦"));

        new Importer(db, TimeProvider.System).Import([DataFile("project_places", "654202-2024-004", l => l.Replace("百泉镇托古里克莫敦村", "百泉镇托古里克新莫敦村"))]);

        Assert.Equal("654202-2024-004", (await CodesAsync("托古里克新莫敦"))[0]);
    }

    /// <summary>Region names are found through their own pairs (region_fragments), which the importer writes with the region.</summary>
    [Fact]
    public async Task A_place_renamed_by_a_later_import_is_named_by_its_new_name_and_no_longer_by_its_old_one()
    {
        var lookup = new ProjectLookup(db, TimeProvider.System);
        Assert.Equal("650102002002", (await lookup.PlacesNamedAsync("燕儿窝南社区")).Single().Code);

        new Importer(db, TimeProvider.System).Import([DataFile("regions", "650102002002", l => l.Replace("燕儿窝南社区", "燕儿窝新南社区"))]);

        Assert.Equal("650102002002", (await lookup.PlacesNamedAsync("燕儿窝新南社区")).Single().Code);
        Assert.Empty(await lookup.PlacesNamedAsync("燕儿窝南社区"));
    }

    [Fact]
    public async Task A_project_changed_with_plain_sql_is_found_once_its_fragments_are_refreshed()
    {
        using (var connection = db.Open())
        {
            connection.Execute("UPDATE projects SET responsible_unit = '乌苏市测试水利局' WHERE code = '654202-2024-006'");
            using var transaction = connection.BeginTransaction();
            FragmentIndex.Refresh(connection, transaction, [connection.ExecuteScalar<long>("SELECT id FROM projects WHERE code = '654202-2024-006'", transaction: transaction)]);
            transaction.Commit();
        }

        Assert.Equal("654202-2024-006", (await CodesAsync("测试水利"))[0]);
    }

    /// <summary>A code is looked up as a code: a name that happens to hold its digits is not what the caller means.</summary>
    [Fact]
    public async Task A_code_that_names_projects_finds_only_them_and_not_names_holding_its_digits()
    {
        using (var connection = db.Open())
        {
            connection.Execute("UPDATE projects SET name = '乌苏市654202-2024-01号渠道维修' WHERE code = '654202-2024-006'");
            using var transaction = connection.BeginTransaction();
            FragmentIndex.Refresh(connection, transaction, [connection.ExecuteScalar<long>("SELECT id FROM projects WHERE code = '654202-2024-006'", transaction: transaction)]);
            transaction.Commit();
        }

        Assert.Equal(["654202-2024-010", "654202-2024-011", "654202-2024-012", "654202-2024-013"], await CodesAsync("654202-2024-01"));
        Assert.Equal("654202-2024-006", (await CodesAsync("2024-01号渠道"))[0]);
    }

    [Fact]
    public async Task A_project_whose_publication_is_still_ahead_is_not_found()
    {
        using (var connection = db.Open())
        {
            connection.Execute("UPDATE projects SET published_at = '2100-01-01 00:00:00' WHERE code = '654202-2024-010'");
        }

        var codes = await CodesAsync("科克萨拉");

        Assert.DoesNotContain("654202-2024-010", codes);
        Assert.Contains("654202-2024-011", codes);
        Assert.Empty(await CodesAsync("654202-2024-010"));
    }
}
