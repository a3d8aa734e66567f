using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace LinkagePortal.Data;

/// <summary>
/// Applies the versioned scripts of the configured dialect (Data/Migrations/{Sqlite|SqlServer}/NNNN_name.sql,
/// embedded in the assembly) that the database has not seen, each in its own transaction. Running it again is a no-op.
/// Several web nodes may start at once: on SQL Server the whole run holds an exclusive application lock
/// (<c>sp_getapplock</c>), on SQLite each script's transaction is <c>BEGIN IMMEDIATE</c> (the database's one write
/// lock); either way a script's version is checked again inside its transaction, so each is applied exactly once.
/// A script may hold several batches separated by lines reading <c>GO</c> (SQL Server's CREATE TRIGGER, CREATE VIEW …
/// must start a batch); they run in order in the script's transaction.
/// </summary>
public static partial class Migrator
{
    const string CreateLedgerSqlite = """
        CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
        """;

    const string CreateLedgerSqlServer = """
        IF OBJECT_ID('schema_migrations') IS NULL
        CREATE TABLE schema_migrations (version INT NOT NULL PRIMARY KEY, name NVARCHAR(200) NOT NULL, applied_at DATETIME2(0) NOT NULL)
        """;

    // The lock belongs to the session, not to one transaction, so that it spans every script's transaction; it is
    // released at the end (or when the connection closes, should the process die). A result below 0 is a timeout.
    const string TakeLockSqlServer = """
        DECLARE @result INT;
        EXEC @result = sp_getapplock @Resource = N'LinkagePortal.Migrator', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = @timeoutMs;
        SELECT @result;
        """;

    const string ReleaseLockSqlServer = "EXEC sp_releaseapplock @Resource = N'LinkagePortal.Migrator', @LockOwner = N'Session';";

    const string IsApplied = "SELECT COUNT(*) FROM schema_migrations WHERE version = @version";
    const string RecordVersion = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)";

    /// <summary>Steps in code that follow a script in its transaction, for what SQL alone cannot compute.</summary>
    static readonly Dictionary<int, Action<DbConnection, DbTransaction>> AfterScript = new()
    {
        [8] = FragmentIndex.Rebuild, // the character pairs of the projects already loaded
        [85] = RegionNameIndex.Rebuild, // the character pairs of the region names already loaded
        // The totals of the projects and allocations already loaded (0040's tables), once 0070 has added withdrawn_at,
        // which they leave out, and 0100 the allocation sums' levels, which they fill (the code writes the latest schema).
        [100] = RegionTotals.Rebuild,
    };

    /// <summary>How long a node waits for another node's migration before giving up.</summary>
    static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<string> Migrate(Db db)
    {
        using var connection = db.Open();
        var sqlServer = db.Provider == DatabaseProvider.SqlServer;
        if (!sqlServer)
        {
            // WAL lets readers carry on while an import writes; the setting is stored in the file.
            connection.Execute("PRAGMA journal_mode=WAL;");
        }
        else
        {
            var timeoutMs = (int)LockTimeout.TotalMilliseconds;
            var result = connection.ExecuteScalar<int>(TakeLockSqlServer, new { timeoutMs }, commandTimeout: (int)LockTimeout.TotalSeconds + 30);
            if (result < 0)
            {
                throw new InvalidOperationException(
                    $"Could not take the migration lock within {LockTimeout.TotalMinutes} minutes (sp_getapplock returned {result}): another node is migrating this database.");
            }
        }

        try
        {
            connection.Execute(sqlServer ? CreateLedgerSqlServer : CreateLedgerSqlite);
            var done = new List<string>();
            foreach (var (version, name, sql) in Scripts(db.Provider))
            {
                if (Apply(connection, version, name, sql))
                {
                    done.Add(name);
                }
            }

            return done;
        }
        finally
        {
            if (sqlServer)
            {
                connection.Execute(ReleaseLockSqlServer);
            }
        }
    }

    static bool Apply(DbConnection connection, int version, string name, string sql)
    {
        // Microsoft.Data.Sqlite begins a non-deferred transaction with BEGIN IMMEDIATE: the write lock is taken here,
        // before the ledger is read.
        using var transaction = connection.BeginTransaction();
        if (connection.ExecuteScalar<long>(IsApplied, new { version }, transaction) > 0)
        {
            return false;
        }

        foreach (var batch in Batches(sql))
        {
            connection.Execute(batch, transaction: transaction, commandTimeout: 0);
        }

        if (AfterScript.TryGetValue(version, out var step))
        {
            step(connection, transaction);
        }

        connection.Execute(RecordVersion, new { version, name, appliedAt = DateTime.UtcNow }, transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>
    /// The batches of a script: the text between lines that read <c>GO</c> (any case, alone on the line, as sqlcmd and
    /// SSMS take it), empty ones left out. Written by hand because SqlClient has no batch splitter; the rule is the
    /// tools' one line rule, so a GO inside a string or comment on a line of its own would split too (scripts here
    /// have none, and the ScriptDom test parses every batch).
    /// </summary>
    public static IReadOnlyList<string> Batches(string script) =>
        BatchSeparator().Split(script).Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => b.Trim()).ToList();

    /// <summary>Every embedded script of a dialect in version order: its version, file name and text.</summary>
    public static IEnumerable<(int Version, string Name, string Sql)> Scripts(DatabaseProvider provider)
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

    [GeneratedRegex(@"^[ \t]*GO[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();
}
