using System.Data.Common;
using LinkagePortal.Data;
using LinkagePortal.Import;

namespace LinkagePortal.Commands;

/// <summary>
/// Command-line verbs that run against the configured database and exit instead of serving:
/// <c>migrate</c>, <c>import FILE…</c>, and those areas register. Each declares the options it takes; any other
/// option is refused, and every command first prints which database it is using.
/// </summary>
public static class Commands
{
    static readonly Dictionary<string, (Func<WebApplication, string[], int> Run, string[] Options)> Verbs = new()
    {
        ["migrate"] = ((app, _) => Migrate(app), []),
        ["import"] = (Import, ["reason", "full"]),
    };

    public static bool IsCommand(IReadOnlyList<string> args) => args.Count > 0 && Verbs.ContainsKey(args[0]);

    /// <summary>Adds a verb taking the options <paramref name="options"/> (names without <c>--</c>).</summary>
    public static void Register(string verb, Func<WebApplication, string[], int> run, params string[] options) => Verbs[verb] = (run, options);

    /// <summary>Why the words of the command line are not a command with options it takes; null when they are.</summary>
    public static string? Problem(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return null;
        }

        if (!Verbs.TryGetValue(args[0], out var verb))
        {
            return $"unknown command or option '{args[0]}'. Commands: {string.Join(", ", Verbs.Keys.Order(StringComparer.Ordinal))}; "
                + "configuration as --Section:Key VALUE (e.g. --Database:DataDirectory /srv/linkage) or --urls URL.";
        }

        var unknown = args.Skip(1).Select(CommandLine.Split).Where(o => o.Name is not null && !verb.Options.Contains(o.Name)).Select(o => "--" + o.Name).ToList();
        return unknown.Count == 0
            ? null
            : $"{args[0]}: unknown option {string.Join(", ", unknown)}" + (verb.Options.Length == 0 ? "" : $" (it takes {string.Join(", ", verb.Options.Select(o => "--" + o))})");
    }

    public static int Run(WebApplication app, string[] args)
    {
        Console.WriteLine($"Database: {Describe(app.Services.GetRequiredService<Db>())}");
        return Verbs[args[0]].Run(app, args);
    }

    /// <summary>Which database: the SQLite file, or the SQL Server and database (never the credentials).</summary>
    public static string Describe(Db db)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = db.ConnectionString };
        string? Value(params string[] keys) => keys.Select(k => builder.TryGetValue(k, out var v) ? v?.ToString() : null).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return db.Provider == DatabaseProvider.Sqlite
            ? $"SQLite {Value("Data Source", "DataSource", "Filename")}"
            : $"SQL Server {Value("Server", "Data Source", "Address")}, database {Value("Database", "Initial Catalog") ?? "(the login's default)"}";
    }

    static int Migrate(WebApplication app)
    {
        var applied = Migrator.Migrate(app.Services.GetRequiredService<Db>());
        Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied: {string.Join(", ", applied)}");
        return 0;
    }

    /// <summary>
    /// <c>import [--reason TEXT] [--full] FILE…</c>: the reason is kept with every version the import writes (a row's
    /// own <c>change_reason</c> column comes first); with <c>--full</c> each file holds its whole kind, and stored
    /// projects, notices and allocations it lacks are withdrawn (kept, with a version saying so).
    /// </summary>
    static int Import(WebApplication app, string[] args)
    {
        string? reason = null;
        var full = false;
        var files = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var (name, value) = CommandLine.Split(args[i]);
            if (name == "full")
            {
                full = true;
            }
            else if (name == "reason")
            {
                reason = value ?? (i + 1 < args.Length ? args[++i] : null);
            }
            else
            {
                files.Add(args[i]);
            }
        }

        if (files.Count == 0 || reason is { Length: 0 } || args.Contains("--reason") && reason is null)
        {
            Console.Error.WriteLine("usage: import [--reason TEXT] [--full] FILE… (each named <dataset>.csv; see content/data/README.md)");
            return 2;
        }

        Migrator.Migrate(app.Services.GetRequiredService<Db>());
        try
        {
            foreach (var (file, rows) in app.Services.GetRequiredService<Importer>().Import(files, reason, full))
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
