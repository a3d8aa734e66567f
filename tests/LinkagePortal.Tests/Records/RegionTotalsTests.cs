using System.Globalization;
using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Import;
using LinkagePortal.Records;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Records;

/// <summary>
/// The totals the importer keeps (region pages read them) equal a direct sum over the public rows, on every region
/// level, before and after an embargo boundary passes, and after an import changes rows already counted.
/// </summary>
public sealed class RegionTotalsTests
{
    static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(8));
    static readonly DateTimeOffset DocumentBoundary = new(2026, 6, 1, 13, 0, 0, TimeSpan.FromHours(8));
    static readonly DateTimeOffset ProjectBoundary = new(2026, 6, 2, 9, 30, 0, TimeSpan.FromHours(8));

    const string Document = "t11-totals-source";
    const string Wusu = "654202";
    const string Tacheng = "6542";
    const string WusuVillage = "654202109200";
    const string KashgarVillage = "653101001007";

    const string DocumentHeader = "id,number,title,issuer,issued_on,fund_level,fiscal_year,kind,task,budget_subjects,direct_fund_flag,arose_on,published_at,source,note";
    const string ProjectHeader = "code,programme,fiscal_year,name,county_code,amount_wan,printed_text,derivation,responsible_unit,category,"
        + "construction_content,status,spent_wan,fund_document_ids,source_document_id,source_table,row_no,arose_on,published_at,note";
    const string PlaceHeader = "project_code,place_as_printed,region_code,match,note";
    const string AllocationHeader = "document_id,source_table,row_no,region_code,region_name_printed,task,part_of_task,amount_wan,printed_text,derivation,note,arose_on,published_at";

    readonly Db db = TestDatabase.SeededSqlite();
    readonly FakeClock clock = new(Start);

    void Import(params (string Dataset, string Csv)[] files) => Import(full: false, files);

    void Import(bool full, params (string Dataset, string Csv)[] files)
    {
        var directory = TestDatabase.NewDirectory("totals");
        var paths = files.Select((f, i) =>
        {
            var path = Path.Combine(directory, $"{f.Dataset}.{i}.csv");
            File.WriteAllText(path, f.Csv + "\n");
            return path;
        }).ToList();
        new Importer(db, clock).Import(paths, full: full);
    }

    static (string, string) Documents(string publishedAt) =>
        ("documents", $"{DocumentHeader}\n{Document},,总量测试来源文件,乌苏市财政局,2026-05-20,,2026,rules,,,,2026-05-20,{publishedAt},测试,测试记录");

    static (string, string) Projects(params (string Code, string County, string Programme, decimal Wan, string Document, string? PublishedAt)[] rows) =>
        ("projects", ProjectHeader + "\n" + string.Join("\n", rows.Select(r =>
            $"{r.Code},{r.Programme},2026,总量测试项目{r.Code},{r.County},{r.Wan.ToString(CultureInfo.InvariantCulture)},,printed,测试责任单位,,,,,,{r.Document},测试表,,2026-05-20,{r.PublishedAt},测试记录")));

    static (string, string) Places(params (string Project, string Village)[] rows) =>
        ("project_places", PlaceHeader + "\n" + string.Join("\n", rows.Select(r => $"{r.Project},测试村{r.Village},{r.Village},exact,测试记录")));

    static (string, string) Allocations(params (string Region, string Task, decimal Wan, string? PublishedAt)[] rows) =>
        ("allocations", AllocationHeader + "\n" + string.Join("\n", rows.Select((r, i) =>
            $"{Document},测试分配表,{i + 1},{r.Region},测试地区,{r.Task},,{r.Wan.ToString(CultureInfo.InvariantCulture)},,printed,测试记录,2026-05-20,{r.PublishedAt}")));

    [Fact]
    public void Totals_on_every_level_equal_the_public_rows_before_and_after_each_embargo_boundary()
    {
        Import(
            Documents("2026-06-01T13:00:00+08:00"),
            Projects(("T11-A-001", Wusu, "linkage", 12.5m, Document, null), ("T11-A-002", "653101", "bond", 40m, Document, null),
                ("T11-A-003", Wusu, "linkage", 7m, "wusu-2024-budget", "2026-06-02T09:30:00+08:00")),
            Places(("T11-A-001", WusuVillage), ("T11-A-002", KashgarVillage), ("T11-A-003", WusuVillage)),
            Allocations((WusuVillage, "总量测试任务", 3m, null), ("653101", "总量测试任务", 5m, "2026-06-02T09:30:00+08:00"),
                (Tacheng, "总量测试任务", 2m, "2026-06-02T09:30:00+08:00"), ("65", "总量测试任务", 6m, null)));

        var seen = new List<long>();
        foreach (var now in new[] { DocumentBoundary.AddSeconds(-1), DocumentBoundary.AddSeconds(1), ProjectBoundary.AddSeconds(-1), ProjectBoundary.AddSeconds(1) })
        {
            AssertTotalsMatchRows(now.UtcDateTime);
            seen.Add(Direct(Wusu, now.UtcDateTime).Sum(t => t.Projects) + Direct("65", now.UtcDateTime).Sum(t => t.Projects));
        }

        // The boundaries did change what is public: the document's projects appear at the first, the project at the second.
        // (Wusu's count plus the region's: each project of Wusu counts twice, Kashgar's once.)
        Assert.Equal([seen[0] + 3, seen[0] + 3, seen[0] + 5], seen.Skip(1));
        Assert.NotEqual(DirectAllocations(Tacheng, ProjectBoundary.AddSeconds(-1).UtcDateTime), DirectAllocations(Tacheng, ProjectBoundary.AddSeconds(1).UtcDateTime));

        // Written anew from the rows (as after a migration or a synthetic load), the totals are the same.
        using (var connection = db.Open())
        using (var transaction = connection.BeginTransaction())
        {
            RegionTotals.Rebuild(connection, transaction);
            transaction.Commit();
        }

        AssertTotalsMatchRows(ProjectBoundary.AddSeconds(-1).UtcDateTime);
        AssertTotalsMatchRows(ProjectBoundary.AddSeconds(1).UtcDateTime);
    }

    [Fact]
    public void An_import_that_moves_a_project_and_changes_amounts_and_places_keeps_every_total_exact()
    {
        Import(
            Documents("2026-05-21T10:00:00+08:00"),
            Projects(("T11-B-001", Wusu, "linkage", 10m, Document, null), ("T11-B-002", Wusu, "bond", 20m, Document, null)),
            Places(("T11-B-001", WusuVillage), ("T11-B-002", WusuVillage)),
            Allocations((WusuVillage, "总量测试任务", 3m, null), (Tacheng, "总量测试任务", 1m, null)));
        AssertTotalsMatchRows(Start.UtcDateTime);

        // A second file: the first project moves to Kashgar with a new amount and place, the allocation is restated,
        // and the document's publication moves ahead of the clock (its rows leave every total until then).
        Import(Projects(("T11-B-001", "653101", "linkage", 11.25m, Document, null)), Places(("T11-B-001", KashgarVillage)),
            Allocations((WusuVillage, "总量测试任务", 4.5m, null)));
        AssertTotalsMatchRows(Start.UtcDateTime);

        // A file restating the prefecture's own allocation alone.
        Import(Allocations((Tacheng, "总量测试任务", 2.5m, null)));
        AssertTotalsMatchRows(Start.UtcDateTime);
        Assert.Equal(Baseline("653101") + 1, Direct("653101", Start.UtcDateTime).Sum(t => t.Projects));

        Import(Documents("2026-06-03T10:00:00+08:00"));
        AssertTotalsMatchRows(Start.UtcDateTime);
        AssertTotalsMatchRows(new DateTimeOffset(2026, 6, 3, 10, 0, 1, TimeSpan.FromHours(8)).UtcDateTime);
    }

    [Fact]
    public void Projects_and_allocations_withdrawn_by_a_full_import_leave_every_total()
    {
        Import(
            Documents("2026-05-21T10:00:00+08:00"),
            Projects(("T11-C-001", Wusu, "linkage", 10m, Document, null), ("T11-C-002", "653101", "bond", 20m, Document, null)),
            Places(("T11-C-001", WusuVillage), ("T11-C-002", KashgarVillage)),
            Allocations((WusuVillage, "总量测试任务", 3m, null), ("653101", "总量测试任务", 5m, null)));
        AssertTotalsMatchRows(Start.UtcDateTime);

        // A full import lists one project and one allocation: every other stored project and allocation (the seed's
        // too) is withdrawn, and the totals follow.
        Import(full: true, Projects(("T11-C-001", Wusu, "linkage", 10m, Document, null)), Allocations((WusuVillage, "总量测试任务", 3m, null)));
        AssertTotalsMatchRows(Start.UtcDateTime);
        Assert.Equal(1, Direct("65", Start.UtcDateTime).Sum(t => t.Projects));
        using var connection = db.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>($"SELECT COALESCE(SUM(t.projects), 0) FROM region_totals t WHERE t.region_code = '65' AND t.depth = 2 AND {Public.Totals}",
            new { now = Start.UtcDateTime }));
    }

    /// <summary>The projects of a county in the seed alone (before this test's imports): read from its rows without the test's.</summary>
    long Baseline(string county)
    {
        using var connection = db.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM projects WHERE county_code = @county AND code NOT LIKE 'T11-%'", new { county });
    }

    sealed record Total
    {
        public required string Programme { get; init; }
        public long Projects { get; init; }
        public long Yuan { get; init; }
    }

    const string DirectInCounties = $"""
        SELECT p.programme AS Programme, COUNT(*) AS Projects, SUM(p.amount_yuan) AS Yuan FROM projects p
        WHERE p.county_code >= @code AND p.county_code <= @last AND {Public.Projects} GROUP BY p.programme ORDER BY p.programme
        """;

    const string DirectAtPlaces = $"""
        SELECT p.programme AS Programme, COUNT(*) AS Projects, SUM(p.amount_yuan) AS Yuan FROM projects p
        WHERE p.id IN (SELECT pp.project_id FROM project_places pp WHERE pp.region_code >= @code AND pp.region_code <= @last)
          AND {Public.Projects}
        GROUP BY p.programme ORDER BY p.programme
        """;

    const string Maintained = $"""
        SELECT t.programme AS Programme, SUM(t.projects) AS Projects, SUM(t.amount_yuan) AS Yuan FROM region_totals t
        WHERE t.region_code = @code AND t.depth = @depth AND {Public.Totals} GROUP BY t.programme ORDER BY t.programme
        """;

    const string DirectAllocationSums = $"""
        SELECT a.document_id || '|' || a.task || '|' || COALESCE(a.part_of_task, '') || '|' || SUM(a.amount_yuan) || '|' || COUNT(*)
        FROM allocations a WHERE a.region_code >= @code AND a.region_code <= @last AND {Public.Allocations}
        GROUP BY a.document_id, a.task, a.part_of_task ORDER BY 1
        """;

    // A county's, prefecture's or region's own rows (a county's at depth 6 are under its code alone).
    const string MaintainedAllocations = $"""
        SELECT t.document_id || '|' || t.task || '|' || COALESCE(t.part_of_task, '') || '|' || SUM(t.amount_yuan) || '|' || SUM(t.cells)
        FROM allocation_sums t WHERE t.depth = @depth AND t.region_code = @code AND {Public.Totals}
        GROUP BY t.document_id, t.task, t.part_of_task ORDER BY 1
        """;

    List<string> DirectAllocations(string code, DateTime now)
    {
        using var connection = db.Open();
        return connection.Query<string>(DirectAllocationSums, new { code, last = RegionCodes.Last(code), now }).ToList();
    }

    List<Total> Direct(string code, DateTime now)
    {
        using var connection = db.Open();
        return connection.Query<Total>(code.Length <= RegionCodes.CountyLength ? DirectInCounties : DirectAtPlaces,
            new { code, last = RegionCodes.Last(code), now }).ToList();
    }

    /// <summary>Every region with a project, a place or an allocation, and every region above one: maintained = direct.</summary>
    void AssertTotalsMatchRows(DateTime now)
    {
        using var connection = db.Open();
        var codes = connection.Query<string>("""
            SELECT county_code FROM projects UNION SELECT region_code FROM project_places WHERE region_code IS NOT NULL
            UNION SELECT region_code FROM allocations UNION SELECT region_code FROM region_totals
            """).ToList();
        var regions = codes.Concat(codes.SelectMany(RegionCodes.Ancestors)).ToHashSet();
        Assert.Contains("65", regions);
        Assert.Contains(WusuVillage[..9], regions);
        // Above a county each row is its region's own: none of the region's own cells stand in a prefecture's rows.
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM allocation_sums WHERE depth < 6 AND LENGTH(region_code) <> depth"));
        foreach (var code in regions.Order(StringComparer.Ordinal))
        {
            var args = new { code, last = RegionCodes.Last(code), now, depth = code.Length };
            Assert.True(Direct(code, now).SequenceEqual(connection.Query<Total>(Maintained, args)), $"projects of {code} at {now:O}");
            if (code.Length <= RegionCodes.CountyLength)
            {
                Assert.Equal(connection.Query<string>(DirectAllocationSums, args), connection.Query<string>(MaintainedAllocations, args));
            }
        }
    }
}
