using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Data;

/// <summary>
/// The curated figures, checked in the database after seeding: what the documents print must add up. The same
/// tests run on SQLite always and on SQL Server when LINKAGE_SQLSERVER is set (skipped, with the reason, otherwise).
/// </summary>
public abstract class SeedFiguresTests
{
    protected abstract Db? Database { get; }

    // County rows of one document and task, summed under a region (codes nest: 654202 is under 6542).
    const string SumUnder = """
        SELECT COALESCE(SUM(amount_yuan), 0) FROM allocations
        WHERE document_id = @document AND task = @task AND region_code >= @code AND region_code < @upper
        """;

    const string PrintedTotals = """
        SELECT t.region_code AS Code, t.amount_yuan AS AmountYuan FROM allocation_totals t JOIN regions r ON r.code = t.region_code
        WHERE t.document_id = @document AND t.task = @task AND r.level = @level
        """;

    const string MainTask = "SELECT task FROM documents WHERE id = @document";

    Db Db
    {
        get
        {
            Skip.If(Database is null, TestDatabase.SqlServerSkipReason);
            return Database!;
        }
    }

    [SkippableFact]
    public void Document9_every_prefecture_sums_to_its_printed_subtotal_and_the_whole_to_200000()
    {
        using var connection = Db.Open();
        var task = connection.ExecuteScalar<string>(MainTask, new { document = "xcz-2024-9" })!;
        var subtotals = connection.Query<(string Code, long AmountYuan)>(PrintedTotals, new { document = "xcz-2024-9", task, level = "prefecture" }).ToList();

        Assert.Equal(14, subtotals.Count);
        foreach (var (code, printed) in subtotals)
        {
            Assert.True(printed == connection.ExecuteScalar<long>(SumUnder, new { document = "xcz-2024-9", task, code, upper = code + ":" }),
                $"prefecture {code}: counties do not sum to the printed subtotal {Money.FormatWan(printed)}");
        }

        Assert.Equal(200000m, Money.ToWan(subtotals.Sum(s => s.AmountYuan)));
        Assert.Equal(200000m, Money.ToWan(connection.ExecuteScalar<long>(SumUnder, new { document = "xcz-2024-9", task, code = "65", upper = "65:" })));
        Assert.Equal(93, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM allocations WHERE document_id = 'xcz-2024-9'"));
    }

    [SkippableFact]
    public void Document9_marks_the_four_unreadable_county_figures_derived_and_the_scan_error_corrected()
    {
        using var connection = Db.Open();
        var marked = connection.Query<(string Code, string Derivation, long AmountYuan)>(
            "SELECT region_code, derivation, amount_yuan FROM allocations WHERE document_id = 'xcz-2024-9' AND derivation <> 'printed' ORDER BY region_code").ToList();

        Assert.Equal(["650106", "650422", "654003", "654323"], marked.Where(m => m.Derivation == "derived").Select(m => m.Code));
        var corrected = Assert.Single(marked, m => m.Derivation == "corrected");
        Assert.Equal(("652323", 800m), (corrected.Code, Money.ToWan(corrected.AmountYuan)));
    }

    [SkippableFact]
    public void Document18_sums_to_345700_over_49_counties_with_62000_for_small_water_sources()
    {
        using var connection = Db.Open();
        var task = connection.ExecuteScalar<string>(MainTask, new { document = "xcz-2024-18" })!;
        Assert.Equal(345700m, Money.ToWan(connection.ExecuteScalar<long>(SumUnder, new { document = "xcz-2024-18", task, code = "65", upper = "65:" })));
        Assert.Equal(49, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM allocations WHERE document_id = 'xcz-2024-18' AND part_of_task IS NULL"));
        foreach (var (code, printed) in connection.Query<(string Code, long AmountYuan)>(PrintedTotals, new { document = "xcz-2024-18", task, level = "prefecture" }))
        {
            Assert.Equal(printed, connection.ExecuteScalar<long>(SumUnder, new { document = "xcz-2024-18", task, code, upper = code + ":" }));
        }

        var water = connection.ExecuteScalar<long>(
            "SELECT SUM(amount_yuan) FROM allocations WHERE document_id = 'xcz-2024-18' AND part_of_task = @task", new { task });
        Assert.Equal(62000m, Money.ToWan(water));
    }

    [SkippableFact]
    public void Wusu_linkage_projects_are_placed_in_their_villages()
    {
        using var connection = Db.Open();
        var projects = connection.Query<(string Code, string Name, long AmountYuan)>(
            "SELECT code, name, amount_yuan FROM projects WHERE county_code = '654202' AND programme = 'linkage' ORDER BY code").ToList();
        Assert.Equal(13, projects.Count);
        Assert.Equal(5923m, Money.ToWan(projects.Sum(p => p.AmountYuan)));

        var places = connection.Query<(string Code, string? Region, string Match)>("""
            SELECT p.code, pp.region_code, pp.match_kind FROM project_places pp JOIN projects p ON p.id = pp.project_id
            WHERE p.county_code = '654202' AND p.programme = 'linkage'
            """).ToList();
        Assert.All(projects, p => Assert.Contains(places, pl => pl.Code == p.Code && pl.Region is not null));
        Assert.All(places, pl => Assert.StartsWith("654202", pl.Region));

        // 党家庄村 as printed is 党家庄子村 in the gazetteer.
        var dangjia = projects.Single(p => p.Name.Contains("党家庄村", StringComparison.Ordinal));
        Assert.Contains(places, pl => pl.Code == dangjia.Code && pl.Region == "654202200214" && pl.Match == "corrected");

        // 科克萨拉村 has two projects.
        Assert.Equal(2, places.Count(pl => pl.Region == "654202109200"));
    }

    [SkippableFact]
    public void Migrating_again_changes_nothing()
    {
        Assert.Empty(Migrator.Migrate(Db));
    }
}

public sealed class SeedFiguresOnSqlite : SeedFiguresTests
{
    static readonly Db Seeded = TestDatabase.SeededSqlite();
    protected override Db? Database => Seeded;
}

public sealed class SeedFiguresOnSqlServer : SeedFiguresTests
{
    static readonly Lazy<Db?> Seeded = new(TestDatabase.SeededSqlServer);
    protected override Db? Database => Seeded.Value;
}
