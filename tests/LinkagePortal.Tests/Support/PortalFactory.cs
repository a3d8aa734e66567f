using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LinkagePortal.Tests.Support;

/// <summary>
/// The portal in memory on its own copy of the seeded SQLite database. Share one per test class
/// (IClassFixture&lt;PortalFactory&gt;) for read-only tests; tests that write make their own.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string PublicBaseUrl = "http://localhost";

    public string DataDirectory { get; } = TestDatabase.SeededSqliteDirectory();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
        // Tests send many requests from one client: the limits are raised here and tested in Hosting/RateLimitTests.
        foreach (var kind in new[] { "search", "api", "export", "write", "failed-authentication" })
        {
            builder.UseSetting($"RateLimits:{kind}:Burst", "1000000");
            builder.UseSetting($"RateLimits:{kind}:Refill", "1000000");
        }
    }
}
