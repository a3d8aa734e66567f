using System.Globalization;
using LinkagePortal.Import;

namespace LinkagePortal.Keys;

/// <summary>
/// <c>keys create --org NAME --counties CODE[,CODE…] [--scope complaints|publish]</c>, <c>keys revoke KEY-ID</c>,
/// <c>keys list</c>: issue and withdraw the write APIs' keys (complaints by default, as keys issued before scopes were). The key is printed once, at creation; the database keeps only its hash.
/// </summary>
public static class KeyCommands
{
    const string Usage = """
        usage: keys create --org NAME --counties CODE[,CODE…] [--scope complaints|publish]
                                                                 issue a key (printed once) for these counties
               keys revoke KEY-ID                                withdraw a key at once
               keys list                                         the keys, their organisations and counties
        """;

    public static int Run(WebApplication app, string[] args)
    {
        // An empty database has no regions to check the counties against: seed it as starting the site would.
        app.Services.GetRequiredService<Importer>().SeedIfEmpty(app.Services.GetRequiredService<PortalPaths>().Data);
        return RunAsync(app.Services.GetRequiredService<ApiKeys>(), args[1..], Console.Out, Console.Error).GetAwaiter().GetResult();
    }

    /// <summary>Runs a <c>keys</c> verb (the words after <c>keys</c>); returns the exit code.</summary>
    public static async Task<int> RunAsync(ApiKeys keys, string[] args, TextWriter output, TextWriter error)
    {
        var actor = $"命令行 keys（{Environment.UserName}@{Environment.MachineName}）";
        switch (args.FirstOrDefault())
        {
            case "create":
                var organisation = Option(args, "--org");
                var counties = Option(args, "--counties");
                if (organisation is null || counties is null)
                {
                    await error.WriteLineAsync(Usage);
                    return 2;
                }

                try
                {
                    var scope = Option(args, "--scope") ?? KeyScopes.Complaints;
                    var (id, key) = await keys.CreateAsync(organisation, counties.Split(',', '，', ' '), actor, scope);
                    await output.WriteLineAsync($"Key {id} ({scope}) for {organisation.Trim()} ({counties}). Give it to the organisation now; it is not shown again:");
                    await output.WriteLineAsync(key);
                    return 0;
                }
                catch (ArgumentException e)
                {
                    await error.WriteLineAsync($"keys create: {e.Message}");
                    return 1;
                }

            case "revoke" when args.Length == 2:
                if (await keys.RevokeAsync(args[1], actor))
                {
                    await output.WriteLineAsync($"Key {args[1]} revoked.");
                    return 0;
                }

                await error.WriteLineAsync($"keys revoke: no active key has the id {args[1]} (see keys list).");
                return 1;

            case "list":
                foreach (var key in await keys.ListAsync())
                {
                    var state = key.RevokedAt is { } revoked ? $"revoked {Stamp(revoked)}" : "active";
                    await output.WriteLineAsync($"{key.Id}  {key.Organisation}  {string.Join(",", key.Regions)}  created {Stamp(key.CreatedAt)}  {state}  {key.Scope}");
                }

                return 0;

            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The value of <c>--name VALUE</c> or <c>--name=VALUE</c>.</summary>
    static string? Option(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == name && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }
}
