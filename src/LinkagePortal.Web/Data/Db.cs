using System.Data.Common;
using LinkagePortal.Hosting;
using Microsoft.Data.Sqlite;

namespace LinkagePortal.Data;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>
/// The one connection factory of the site. Every query opens a connection here, runs plain SQL through Dapper,
/// and disposes it; pooling is the driver's.
/// </summary>
public sealed class Db
{
    public Db(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Dialect = provider == DatabaseProvider.Sqlite ? SqlDialect.Sqlite : SqlDialect.SqlServer;
        if (provider == DatabaseProvider.SqlServer)
        {
            SqlServerConnections.MapParameterTypes();
        }

        mustExist = provider == DatabaseProvider.Sqlite ? DatabaseFile.MustExist(connectionString) : null;
    }

    // The SQLite file that must already exist (see DatabaseFile), checked on every open.
    readonly string? mustExist;

    /// <summary>
    /// Throws <see cref="DatabaseUnavailableException"/> when the SQLite file was removed: called after a commit, since
    /// a connection opened before the removal writes on into the unlinked file and such a write must not be acknowledged.
    /// </summary>
    public void EnsurePresent() => DatabaseFile.EnsurePresent(mustExist);

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public SqlDialect Dialect { get; }

    public DbConnection Open()
    {
        var connection = Create();
        connection.Open();
        return connection;
    }

    /// <summary>
    /// A connection for an import: on SQLite it waits up to <see cref="ImportLockWaitSeconds"/> for a lock another
    /// writer holds (a background rebuild of the checks writes for a moment; on a saturated node that moment can exceed
    /// the busy timeout that bounds a request's wait), instead of failing the whole import. SQL Server waits for locks
    /// by itself.
    /// </summary>
    public DbConnection OpenForImport()
    {
        var connection = Open();
        if (connection is SqliteConnection sqlite)
        {
            sqlite.DefaultTimeout = Math.Max(sqlite.DefaultTimeout, ImportLockWaitSeconds);
        }

        return connection;
    }

    /// <summary>How long an import waits for another writer's lock on SQLite.</summary>
    public const int ImportLockWaitSeconds = 30;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = Create();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    DbConnection Create()
    {
        DatabaseFile.EnsurePresent(mustExist);
        return Provider == DatabaseProvider.Sqlite ? new SqliteConnection(ConnectionString) : SqlServerConnections.Create(ConnectionString);
    }

    /// <summary>
    /// Reads <c>Database:Provider</c> (<c>Sqlite</c> | <c>SqlServer</c>) and <c>Database:ConnectionString</c>.
    /// With no connection string, SQLite uses <c>Database:DataDirectory</c> (default <c>App_Data</c> under the
    /// content root) so that a fresh checkout runs with no setup; once created there, it must stay (see DatabaseFile).
    /// <c>Database:BusyTimeoutSeconds</c> (default 2) bounds how long a request waits for a locked database.
    /// </summary>
    public static Db FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException(
                $"Configuration Database:Provider is '{providerText}'; it must be Sqlite or SqlServer.");
        }

        var connectionString = configuration["Database:ConnectionString"];
        if (provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Configuration Database:ConnectionString is required when Database:Provider is SqlServer.");
            }

            return new Db(provider, connectionString);
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = Path.GetFullPath(configuration["Database:DataDirectory"] ?? "App_Data", contentRoot);
            Directory.CreateDirectory(dataDirectory);
            connectionString = DatabaseFile.Prepare(Path.Combine(dataDirectory, "linkage.db"),
                configuration.GetValue("Database:CreateIfMissing", true), configuration.GetValue("Database:BusyTimeoutSeconds", 2));
        }

        return new Db(provider, connectionString);
    }

    public static string SqliteConnectionString(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();
}
