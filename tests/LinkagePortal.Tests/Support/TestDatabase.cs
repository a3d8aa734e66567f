using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Import;

namespace LinkagePortal.Tests.Support;

/// <summary>
/// Databases for tests. SQLite: a fresh file per test class, copied from one seeded template (seeding the 16k
/// regions once, not per class). SQL Server, when LINKAGE_SQLSERVER is set: the database it names, or a fresh database
/// of its own per test class on that server (<see cref="FreshSqlServer"/>).
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

    /// <summary>
    /// A new database on the server LINKAGE_SQLSERVER names (its login may create databases), migrated and seeded,
    /// dropped when the returned handle is disposed; null when LINKAGE_SQLSERVER is not set.
    /// </summary>
    public static SqlServerDatabase? FreshSqlServer()
    {
        if (SqlServerConnectionString is not { } cs)
        {
            return null;
        }

        var database = new SqlServerDatabase(cs, $"linkage_test_{Guid.NewGuid():N}");
        Migrator.Migrate(database.Db);
        new Importer(database.Db, TimeProvider.System).SeedIfEmpty(Paths.Data);
        return database;
    }

    public static string NewDirectory(string purpose)
    {
        var directory = Path.Combine(Path.GetTempPath(), "linkage-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }
}

/// <summary>A database of a test's own on the configured SQL Server: created here, dropped on dispose.</summary>
public sealed class SqlServerDatabase : IDisposable
{
    readonly string master;

    public SqlServerDatabase(string connectionString, string name)
    {
        Name = name;
        master = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master", Pooling = false }.ConnectionString;
        Db = new Db(DatabaseProvider.SqlServer,
            new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString) { InitialCatalog = name }.ConnectionString);
        using var connection = new Microsoft.Data.SqlClient.SqlConnection(master);
        connection.Open();
        connection.Execute($"CREATE DATABASE [{name}]");
    }

    public string Name { get; }
    public Db Db { get; }

    public void Dispose()
    {
        Microsoft.Data.SqlClient.SqlConnection.ClearAllPools();
        using var connection = new Microsoft.Data.SqlClient.SqlConnection(master);
        connection.Open();
        connection.Execute($"ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{Name}]");
    }
}

/// <summary>A fresh seeded SQL Server database shared by one test class (null when LINKAGE_SQLSERVER is not set).</summary>
public sealed class FreshSqlServer : IDisposable
{
    public SqlServerDatabase? Database { get; } = TestDatabase.FreshSqlServer();

    public void Dispose() => Database?.Dispose();
}
