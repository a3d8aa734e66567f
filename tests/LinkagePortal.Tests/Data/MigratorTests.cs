using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Data;

public sealed class MigratorTests
{
    /// <summary>Several nodes starting together on one new database: each script is applied once, none fails.</summary>
    [Fact]
    public async Task Nodes_migrating_one_new_database_at_once_apply_each_script_once()
    {
        var db = new Db(DatabaseProvider.Sqlite, Db.SqliteConnectionString(Path.Combine(TestDatabase.NewDirectory("race"), "linkage.db")));

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Migrator.Migrate(db))));

        using var connection = db.Open();
        var versions = connection.Query<int>("SELECT version FROM schema_migrations").ToList();
        var scripts = Migrator.Scripts(DatabaseProvider.Sqlite).Select(s => s.Name).ToList();
        Assert.Equal(scripts.Count, versions.Count);
        Assert.Equal(scripts.Count, versions.Distinct().Count());
        Assert.Equal(scripts.Order(StringComparer.Ordinal), runs.SelectMany(r => r).Order(StringComparer.Ordinal));
        Assert.Empty(Migrator.Migrate(db));
    }

    [Fact]
    public void Both_dialects_have_the_same_script_versions()
    {
        Assert.Equal(
            Migrator.Scripts(DatabaseProvider.Sqlite).Select(s => s.Name),
            Migrator.Scripts(DatabaseProvider.SqlServer).Select(s => s.Name));
    }
}
