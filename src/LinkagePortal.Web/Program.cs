using LinkagePortal;
using LinkagePortal.Benchmark;
using LinkagePortal.Checks;
using LinkagePortal.Commands;
using LinkagePortal.Data;
using LinkagePortal.Disclosure;
using LinkagePortal.Home;
using LinkagePortal.Hotline;
using LinkagePortal.Import;
using LinkagePortal.OpenData;
using LinkagePortal.Rendering;

// ---- Paths: the repository's content/ and wwwroot/ (or their copies beside a published build).
var paths = PortalPaths.Locate();
// Configuration may be given as --Key=Value; a command's own words (import FILE…, --projects N) are not configuration.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray(),
    WebRootPath = paths.WebRoot,
});

// ---- Services: one connection factory, the importer, the page renderer, output caching.
builder.Services.AddSingleton(paths);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => Db.FromConfiguration(sp.GetRequiredService<IConfiguration>(), paths.Root));
builder.Services.AddSingleton<Importer>();
builder.Services.AddSingleton<PageRenderer>();
builder.Services.AddSingleton<DataVersion>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<DataVersion>());
builder.Services.AddOutputCache();
builder.Services.AddPageCache();
builder.Services.AddProblemDetails();
builder.Services.AddOpenData();
builder.Services.AddHotline();
builder.Services.AddChecks();
// Deadlines, the holiday calendar, the timeliness audit; every cached response stops at the next embargo boundary.
builder.Services.AddDisclosure(paths);

var app = builder.Build();

// ---- Database: bring the schema up to date; an import evicts this node's cached pages at once.
var db = app.Services.GetRequiredService<Db>();
Migrator.Migrate(db);
var importer = app.Services.GetRequiredService<Importer>();
importer.DataChanged += () => app.Services.GetRequiredService<DataVersion>().RefreshAsync().GetAwaiter().GetResult();

// ---- Commands: `migrate`, `import FILE…`, `synthetic …` (benchmark data) run against the configured database and exit.
Commands.Register("synthetic", SyntheticData.Run);
if (Commands.IsCommand(args))
{
    return Commands.Run(app, args);
}

// ---- Seed: an empty database is loaded from content/data through the same importer as the command.
importer.SeedIfEmpty(paths.Data);

// ---- Pipeline: error pages without stack traces, static files, CORS (open data only), output cache
// (Benchmark:DisableOutputCache=true leaves it out so that tests/Benchmarks/run.sh can measure pages rendered on
// every request).
app.UseErrorPages();
app.UseStaticFiles();
app.UseCors();
if (!app.Configuration.GetValue("Benchmark:DisableOutputCache", false))
{
    app.UseOutputCache();
}

// ---- Areas: each maps its own routes.
app.MapPublicPages();
app.MapOpenData();
app.MapHotline();
app.MapDisclosure();
app.MapChecks();

app.Run();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
