using LinkagePortal.Data;
using LinkagePortal.Import;

namespace LinkagePortal.Commands;

/// <summary>
/// Command-line verbs that run against the configured database and exit instead of serving:
/// <c>migrate</c>, <c>import FILE…</c>.
/// </summary>
public static class Commands
{
    static readonly Dictionary<string, Func<WebApplication, string[], int>> Verbs = new()
    {
        ["migrate"] = (app, _) => Migrate(app),
        ["import"] = Import,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    public static void Register(string verb, Func<WebApplication, string[], int> run) => Verbs[verb] = run;

    public static int Run(WebApplication app, string[] args) => Verbs[args[0]](app, args);

    static int Migrate(WebApplication app)
    {
        var applied = Migrator.Migrate(app.Services.GetRequiredService<Db>());
        Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied: {string.Join(", ", applied)}");
        return 0;
    }

    static int Import(WebApplication app, string[] args)
    {
        // Configuration may ride along as --Key=Value; everything else is a file.
        var files = args[1..].Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (files.Length == 0)
        {
            Console.Error.WriteLine("usage: import FILE… (each named <dataset>.csv; see content/data/README.md)");
            return 2;
        }

        Migrator.Migrate(app.Services.GetRequiredService<Db>());
        try
        {
            foreach (var (file, rows) in app.Services.GetRequiredService<Importer>().Import(files))
            {
                Console.WriteLine($"{file}: {rows} rows");
            }

            return 0;
        }
        catch (ImportRejectedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
