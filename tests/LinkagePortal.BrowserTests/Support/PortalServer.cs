using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.BrowserTests.Support;

/// <summary>
/// The real portal on Kestrel at a free loopback port, on a fresh SQLite database in a temporary directory (seeded
/// from content/data at start-up exactly as a fresh checkout is), so that a real browser can reach it over HTTP.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("linkage-browser-").FullName;

    public PortalServer() => UseKestrel(0);

    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        // The browser types fast from one address: the per-client limits are tested in the unit tests, not here.
        foreach (var kind in new[] { "search", "api", "export" })
        {
            builder.UseSetting($"RateLimits:{kind}:Burst", "1000000");
            builder.UseSetting($"RateLimits:{kind}:Refill", "1000000");
        }

        // As in the HTTP tests: background work at normal priority, so that a saturated machine cannot postpone it.
        builder.UseSetting(LinkagePortal.Hosting.LowPriority.Setting, "false");

    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary directory behind.
        }
    }
}
