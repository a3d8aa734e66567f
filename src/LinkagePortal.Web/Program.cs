using LinkagePortal;
using LinkagePortal.Benchmark;
using LinkagePortal.Changes;
using LinkagePortal.Checks;
using LinkagePortal.Commands;
using LinkagePortal.Data;
using LinkagePortal.Disclosure;
using LinkagePortal.Home;
using LinkagePortal.Hosting;
using LinkagePortal.Hotline;
using LinkagePortal.Import;
using LinkagePortal.Keys;
using LinkagePortal.OpenData;
using LinkagePortal.Publishing;
using LinkagePortal.Rendering;

// ---- Paths: the repository's content/ and wwwroot/ (or their copies beside a published build).
var paths = PortalPaths.Locate();
// Configuration as --Key Value or --Key=Value (--Database:DataDirectory DIR, --urls URL); the rest is a command's own
// words (import FILE…, keys create --org NAME), checked against what the command takes once all are registered.
var commandLine = CommandLine.Parse(args);
if (commandLine.Error is { } argumentError)
{
    Console.Error.WriteLine(argumentError);
    return 2;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = commandLine.Configuration.ToArray(),
    WebRootPath = paths.WebRoot,
});
// The build's own appsettings.json as the lowest layer: `dotnet run --project src/LinkagePortal.Web` from the checkout's
// top folder has that folder as its content root, where no appsettings.json is, and the public address is required.
builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
{
    FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
    Path = "appsettings.json",
    Optional = true,
});

// ---- Hosting: the public address every absolute URL is built from, forwarded headers from known proxies only,
// per-client rate limits and a cap on expensive work, health checks, no Server header (all in Hosting/).
builder.WithoutServerHeader();
builder.Services.AddSingleton(sp => PublicBaseUrl.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddProxyHeaders(builder.Configuration);
builder.Services.AddRateLimits(builder.Configuration);
builder.Services.AddPortalHealth();

// ---- Services: one connection factory, the importer, the page renderer, output caching.
builder.Services.AddSingleton(paths);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => Db.FromConfiguration(sp.GetRequiredService<IConfiguration>(), paths.Root));
builder.Services.AddSingleton<Importer>();
builder.Services.AddSingleton(new StaticAssets(paths.WebRoot));
builder.Services.AddSingleton(sp => new PageRenderer(sp.GetRequiredService<StaticAssets>()) { DataAsOf = sp.GetRequiredService<DataVersion>().DataAsOf });
builder.Services.AddSingleton<DataVersion>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<DataVersion>());
// The output cache is bounded in memory (Portal:OutputCacheMegabytes, default 64), whatever the number of distinct
// queries; a response larger than 4 MB is not cached.
builder.Services.AddOutputCache(options =>
{
    options.SizeLimit = builder.Configuration.GetValue("Portal:OutputCacheMegabytes", 64L) * 1024 * 1024;
    options.MaximumBodySize = 4 * 1024 * 1024;
});
builder.Services.AddPageCache();
// Brotli and gzip (Hosting/Compression.cs), inside the output cache so that cached pages are stored compressed.
builder.Services.AddPortalCompression();
builder.Services.AddProblemDetails();
builder.Services.AddOpenData();
// Organisations' API keys (complaints or publishing) and the hash-chained audit log their writes go into.
builder.Services.AddApiKeys();
builder.Services.AddHotline();
builder.Services.AddChecks();
// Deadlines, the holiday calendar, the timeliness audit; every cached response stops at the next embargo boundary.
builder.Services.AddDisclosure(paths);

var app = builder.Build();

// ---- Command line: an unknown command or option stops here, before anything touches the database.
Commands.Register("synthetic", SyntheticData.Run, "projects", "allocations", "seed");
if (Commands.Problem(commandLine.Command) is { } commandError)
{
    Console.Error.WriteLine(commandError);
    return 2;
}

// ---- Database: bring the schema up to date; an import evicts this node's cached pages at once. A missing public
// address, or a database that was initialised and is now missing, stops the start here with a message naming it.
Db db;
try
{
    app.Services.GetRequiredService<PublicBaseUrl>();
    db = app.Services.GetRequiredService<Db>();
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

Migrator.Migrate(db);
var importer = app.Services.GetRequiredService<Importer>();
importer.DataChanged += () => app.Services.GetRequiredService<DataVersion>().RefreshAsync().GetAwaiter().GetResult();

// ---- Commands: `migrate`, `import FILE…`, `synthetic …` (benchmark data) run against the configured database and exit.
if (Commands.IsCommand(commandLine.Command))
{
    return Commands.Run(app, commandLine.Command.ToArray());
}

// ---- Seed: an empty database is loaded from content/data through the same importer as the command.
importer.SeedIfEmpty(paths.Data);

// ---- Pipeline: the client's address from a known proxy, security headers on everything, HEAD as GET without a
// body, error pages without stack traces, 503 when the database fails, static files (a year's caching for a
// fingerprinted address: Rendering/StaticAssets), routing, CORS (open data only),
// output cache (Benchmark:DisableOutputCache=true leaves it out so that tests/Benchmarks/run.sh can measure pages
// rendered on every request), Brotli/gzip inside it (so that the cache keeps compressed bodies), and only then the
// rate limiter, so that cached pages never wait behind it, and the API keys' authentication (Hotline's scheme) for
// the endpoints that require it.
app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseHeadAsGet();
app.UseErrorPages();
app.UseDatabaseFaults();
app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = app.Services.GetRequiredService<StaticAssets>().OnPrepareResponse });
app.UseRouting();
app.UseCors();
if (!app.Configuration.GetValue("Benchmark:DisableOutputCache", false))
{
    app.UseOutputCache();
}

app.UseResponseCompression();

app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

// ---- Areas: each maps its own routes.
app.MapPublicPages();
app.MapOpenData();
app.MapChanges();
app.MapPublishing();
app.MapHotline();
app.MapDisclosure();
app.MapChecks();
app.MapPortalHealth();
app.MapLargeType();

app.Run();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
