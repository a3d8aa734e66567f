using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Import;

namespace LinkagePortal.Tests.Support;

/// <summary>
/// Databases for tests. SQLite: a fresh file per test class, copied from one seeded template (seeding the 16k
/// regions once, not per class). SQL Server: the database named by LINKAGE_SQLSERVER, when set.
/// </summary>
public static class TestDatabase
{
    public const string SqlServerVariable = "LINKAGE_SQLSERVER";
    public const string SqlServerSkipReason = "LINKAGE_SQLSERVER is not set: no SQL Server to run against (set it to a connection string to run these).";

    public static PortalPaths Paths { get; } = PortalPaths.Locate();

    static readonly Lazy<string> SeededTemplate = new(() =>
    {
        var file = Path.Combine(NewDirectory("template"), "linkage.db");
        var db = new Db(DatabaseProvider.Sqlite, Db.SqliteConnectionString(file));
        Migrator.Migrate(db);
        new Importer(db, TimeProvider.System).SeedIfEmpty(Paths.Data);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return file;
    });

    public static string? SqlServerConnectionString => Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>A directory holding a copy of the seeded database (linkage.db), for a web host or a test of its own.</summary>
    public static string SeededSqliteDirectory()
    {
        var directory = NewDirectory("db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(Db.SqliteConnectionString(SeededTemplate.Value)))
        {
            connection.Open();
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        File.Copy(SeededTemplate.Value, Path.Combine(directory, "linkage.db"));
        return directory;
    }

    public static Db SeededSqlite() =>
        new(DatabaseProvider.Sqlite, Db.SqliteConnectionString(Path.Combine(SeededSqliteDirectory(), "linkage.db")));

    public static Db EmptySqlite()
    {
        var db = new Db(DatabaseProvider.Sqlite, Db.SqliteConnectionString(Path.Combine(NewDirectory("empty"), "linkage.db")));
        Migrator.Migrate(db);
        return db;
    }

    /// <summary>The SQL Server database, migrated and seeded if empty; null when LINKAGE_SQLSERVER is not set.</summary>
    public static Db? SeededSqlServer()
    {
        if (SqlServerConnectionString is not { } cs)
        {
            return null;
        }

        var db = new Db(DatabaseProvider.SqlServer, cs);
        Migrator.Migrate(db);
        new Importer(db, TimeProvider.System).SeedIfEmpty(Paths.Data);
        return db;
    }

    public static string NewDirectory(string purpose)
    {
        var directory = Path.Combine(Path.GetTempPath(), "linkage-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
