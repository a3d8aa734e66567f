using Dapper;
using LinkagePortal.Benchmark;
using LinkagePortal.Data;
using LinkagePortal.Records;
using LinkagePortal.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace LinkagePortal.Tests.Benchmark;

/// <summary>
/// The benchmark's synthetic rows: labelled in every row, over every village, the same for the same seed, and never
/// written into the default database.
/// </summary>
public sealed class SyntheticDataTests
{
    static readonly DateTime Now = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Every_village_gets_projects_and_allocations_and_every_row_is_labelled_synthetic()
    {
        var db = TestDatabase.SeededSqlite();
        using var connection = db.Open();
        var villages = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM regions WHERE level = 'village'");
        var realProjects = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM projects");

        var written = SyntheticData.Generate(db, new SyntheticData.Options((int)villages * 2, (int)villages + 5, Seed: 3), Now);

        Assert.Equal(villages, written.Villages);
        var projects = connection.QuerySingle<(long Count, long Labelled, long Villages)>("""
            SELECT COUNT(*), SUM(CASE WHEN p.name LIKE '【合成数据】%' AND p.source_document_id = 'synthetic' THEN 1 ELSE 0 END),
                   COUNT(DISTINCT pp.region_code)
            FROM projects p JOIN project_places pp ON pp.project_id = p.id WHERE p.is_synthetic = 1
            """);
        Assert.Equal((villages * 2, villages * 2, villages), projects);
        Assert.Equal(realProjects, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM projects WHERE is_synthetic = 0"));

        var allocations = connection.QuerySingle<(long Count, long Labelled, long Villages)>("""
            SELECT COUNT(*), SUM(CASE WHEN task LIKE '【合成数据】%' AND document_id = 'synthetic' THEN 1 ELSE 0 END), COUNT(DISTINCT region_code)
            FROM allocations WHERE is_synthetic = 1
            """);
        Assert.Equal((villages + 5, villages + 5, villages), allocations);

        var document = connection.QuerySingle<(string Kind, string Title)>("SELECT kind, title FROM documents WHERE id = 'synthetic'");
        Assert.Equal("report", document.Kind);
        Assert.StartsWith("【合成数据】", document.Title);
    }

    [Fact]
    public void Synthetic_projects_are_found_by_the_fragments_the_importer_would_write_for_them()
    {
        var db = TestDatabase.SeededSqlite();
        SyntheticData.Generate(db, new SyntheticData.Options(5000, 100, Seed: 4), Now);
        using var connection = db.Open();
        const string Fragments = "SELECT fragment || ' ' || field || ' ' || project_id FROM project_fragments ORDER BY fragment, field, project_id";
        var written = connection.Query<string>(Fragments).ToList();

        using (var transaction = connection.BeginTransaction())
        {
            FragmentIndex.Rebuild(connection, transaction);
            transaction.Commit();
        }

        Assert.Equal(5000, connection.ExecuteScalar<long>("SELECT COUNT(DISTINCT f.project_id) FROM project_fragments f JOIN projects p ON p.id = f.project_id WHERE p.is_synthetic = 1"));
        Assert.Equal(connection.Query<string>(Fragments).ToList(), written);
    }

    [Fact]
    public void A_loaded_database_keeps_the_schema_of_a_migrated_one_with_each_table_s_indexes_in_the_same_order()
    {
        static List<string> Schema(Db db)
        {
            using var connection = db.Open();
            return connection.Query<string>("""
                SELECT m.type || ' ' || m.name || ': ' || COALESCE(m.sql, '') || ' ['
                    || COALESCE((SELECT group_concat(i.name, ',') FROM pragma_index_list(m.name) i), '') || ']'
                FROM sqlite_master m ORDER BY m.type, m.name
                """).ToList();
        }

        var migrated = TestDatabase.SeededSqlite();
        var loaded = TestDatabase.SeededSqlite();
        SyntheticData.Generate(loaded, new SyntheticData.Options(500, 500, Seed: 2), Now);

        Assert.Equal(Schema(migrated), Schema(loaded));
        using var connection = loaded.Open();
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        string Rows(int seed)
        {
            var db = TestDatabase.SeededSqlite();
            SyntheticData.Generate(db, new SyntheticData.Options(3000, 3000, seed), Now);
            using var connection = db.Open();
            return string.Join("\n", connection.Query<string>("SELECT code || name || amount_yuan || category FROM projects WHERE is_synthetic = 1 ORDER BY id")
                .Concat(connection.Query<string>("SELECT region_code || task || amount_yuan FROM allocations WHERE is_synthetic = 1 ORDER BY id")));
        }

        var first = Rows(1);
        Assert.Equal(first, Rows(1));
        Assert.NotEqual(first, Rows(2));
    }

    [Fact]
    public void The_default_database_is_refused()
    {
        var paths = TestDatabase.Paths;
        var db = TestDatabase.SeededSqlite();

        var refusal = SyntheticData.Refusal(Settings(("Database:DataDirectory", "App_Data")), paths, db);
        var alsoRefused = SyntheticData.Refusal(Settings(), paths, db);

        Assert.Contains("default database", refusal);
        Assert.Contains("default database", alsoRefused);
    }

    [Fact]
    public void A_connection_string_or_SQL_Server_is_refused_and_a_directory_of_its_own_is_accepted()
    {
        var paths = TestDatabase.Paths;
        var directory = TestDatabase.SeededSqliteDirectory();
        var db = new Db(DatabaseProvider.Sqlite, Db.SqliteConnectionString(Path.Combine(directory, "linkage.db")));

        Assert.Contains("Database:DataDirectory", SyntheticData.Refusal(
            Settings(("Database:DataDirectory", directory), ("Database:ConnectionString", db.ConnectionString)), paths, db));
        Assert.Contains("Database:DataDirectory", SyntheticData.Refusal(
            Settings(("Database:DataDirectory", directory)), paths, new Db(DatabaseProvider.SqlServer, "Server=nowhere")));
        Assert.Null(SyntheticData.Refusal(Settings(("Database:DataDirectory", directory)), paths, db));
    }

    [Fact]
    public void A_database_that_already_holds_synthetic_rows_is_refused()
    {
        var directory = TestDatabase.SeededSqliteDirectory();
        var db = new Db(DatabaseProvider.Sqlite, Db.SqliteConnectionString(Path.Combine(directory, "linkage.db")));
        SyntheticData.Generate(db, new SyntheticData.Options(10, 10, 1), Now);

        Assert.Contains("already holds synthetic rows", SyntheticData.Refusal(Settings(("Database:DataDirectory", directory)), TestDatabase.Paths, db));
    }

    [Theory]
    [InlineData(new[] { "--projects", "1000", "--allocations=2000", "--seed", "5", "--Database:DataDirectory=/tmp/x" }, 1000, 2000, 5)]
    [InlineData(new[] { "--allocations", "1", "--projects", "2" }, 2, 1, 1)]
    public void Options_are_read_in_either_form_and_configuration_passes_by(string[] args, int projects, int allocations, int seed)
    {
        Assert.Equal(new SyntheticData.Options(projects, allocations, seed), SyntheticData.Parse(args, out _));
    }

    [Theory]
    [InlineData(new[] { "--projects", "1000" }, "--allocations must be given")]
    [InlineData(new[] { "--projects", "ten", "--allocations", "1" }, "--projects is 'ten'")]
    [InlineData(new[] { "--projects", "0", "--allocations", "1" }, "--projects is '0'")]
    [InlineData(new[] { "--projects", "1", "--allocations", "1", "--rows", "3" }, "unknown option '--rows'")]
    [InlineData(new[] { "--projects", "1", "--allocations" }, "--allocations needs a number")]
    public void Bad_options_say_which_and_why(string[] args, string reason)
    {
        Assert.Null(SyntheticData.Parse(args, out var error));
        Assert.Contains(reason, error);
    }
}
