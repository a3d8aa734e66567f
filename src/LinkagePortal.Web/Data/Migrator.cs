using System.Reflection;
using Dapper;

namespace LinkagePortal.Data;

/// <summary>
/// Applies the versioned scripts of the configured dialect (Data/Migrations/{Sqlite|SqlServer}/NNNN_name.sql,
/// embedded in the assembly) that the database has not seen, each in its own transaction. Running it again is a no-op.
/// </summary>
public static class Migrator
{
    const string CreateLedgerSqlite = """
        CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
        """;

    const string CreateLedgerSqlServer = """
        IF OBJECT_ID('schema_migrations') IS NULL
        CREATE TABLE schema_migrations (version INT NOT NULL PRIMARY KEY, name NVARCHAR(200) NOT NULL, applied_at DATETIME2(0) NOT NULL)
        """;

    const string AppliedVersions = "SELECT version FROM schema_migrations";
    const string RecordVersion = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)";

    public static IReadOnlyList<string> Migrate(Db db)
    {
        using var connection = db.Open();
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers carry on while an import writes; the setting is stored in the file.
            connection.Execute("PRAGMA journal_mode=WAL;");
        }

        connection.Execute(db.Provider == DatabaseProvider.Sqlite ? CreateLedgerSqlite : CreateLedgerSqlServer);
        var applied = connection.Query<int>(AppliedVersions).ToHashSet();
        var done = new List<string>();
        foreach (var (version, name, sql) in Scripts(db.Provider))
        {
            if (applied.Contains(version))
            {
                continue;
            }

            using var transaction = connection.BeginTransaction();
            connection.Execute(sql, transaction: transaction);
            connection.Execute(RecordVersion, new { version, name, appliedAt = DateTime.UtcNow }, transaction);
            transaction.Commit();
            done.Add(name);
        }

        return done;
    }

    static IEnumerable<(int Version, string Name, string Sql)> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"migrations/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..];
                return (Version: int.Parse(name[..name.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture), Name: name, Sql: Read(assembly, n));
            })
            .OrderBy(s => s.Version);
    }

    static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
