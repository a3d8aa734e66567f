using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LinkagePortal.Tests.Support;

/// <summary>
/// The portal in memory on a database of its own: a copy of the seeded SQLite database, or (a subclass passing
/// <see cref="DatabaseProvider.SqlServer"/>) a fresh seeded database on the server LINKAGE_SQLSERVER names. Share
/// one per test class (IClassFixture) for read-only tests; tests that write make their own. A test class runs on SQL
/// Server as a subclass taking <see cref="SqlServerPortal"/>, whose tests are skipped, with the reason, when no server
/// is configured (<see cref="OrSkip"/>).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string PublicBaseUrl = "http://localhost";

    readonly SqlServerDatabase? sqlServer;
    readonly Db? db;

    public PortalFactory() : this(DatabaseProvider.Sqlite)
    {
    }

    protected PortalFactory(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            DataDirectory = TestDatabase.SeededSqliteDirectory();
            db = new Db(DatabaseProvider.Sqlite, Db.SqliteConnectionString(Path.Combine(DataDirectory, "linkage.db")));
        }
        else
        {
            sqlServer = TestDatabase.FreshSqlServer();
            db = sqlServer?.Db;
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>SQLite only: the directory of the database file (linkage.db).</summary>
    public string DataDirectory { get; } = "";

    /// <summary>The portal's database, for a test that reads or changes it directly.</summary>
    public Db Db => db ?? throw new SkipException(TestDatabase.SqlServerSkipReason);

    /// <summary>The id of the project with this code: the address of its page.</summary>
    public long ProjectId(string code)
    {
        using var connection = Db.Open();
        return connection.ExecuteScalar<long>("SELECT id FROM projects WHERE code = @code", new { code });
    }

    /// <summary>False only for SQL Server when LINKAGE_SQLSERVER is not set.</summary>
    public bool IsAvailable => db is not null;

    /// <summary>This factory, or a skip (with the reason) when it is for SQL Server and none is configured.</summary>
    public T OrSkip<T>() where T : PortalFactory
    {
        Skip.If(db is null, TestDatabase.SqlServerSkipReason);
        return (T)this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Provider.ToString());
        if (Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSetting("Database:DataDirectory", DataDirectory);
        }
        else
        {
            builder.UseSetting("Database:ConnectionString", Db.ConnectionString);
        }

        builder.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
        // Tests send many requests from one client: the limits are raised here and tested in Hosting/RateLimitTests.
        foreach (var kind in new[] { "search", "api", "export", "write", "failed-authentication" })
        {
            builder.UseSetting($"RateLimits:{kind}:Burst", "1000000");
            builder.UseSetting($"RateLimits:{kind}:Refill", "1000000");
        }

        // Background work at normal priority: the suite's parallel classes saturate both cores, and at the lowest
        // priority a rebuild that tests wait for could be postponed for minutes (LowPriorityTests test that priority).
        builder.UseSetting(LowPriority.Setting, "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            sqlServer?.Dispose();
        }
    }
}

/// <summary>The portal on a fresh SQL Server database (LINKAGE_SQLSERVER); its tests skip when none is configured.</summary>
public sealed class SqlServerPortal() : PortalFactory(DatabaseProvider.SqlServer);
