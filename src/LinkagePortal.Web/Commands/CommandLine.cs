namespace LinkagePortal.Commands;

/// <summary>
/// The command line split into configuration and a command. Configuration follows the ASP.NET Core convention, as
/// <c>--Key Value</c> or <c>--Key=Value</c>, for the sections the portal reads (<c>--Database:DataDirectory DIR</c>)
/// and the host's own keys (<c>--urls</c>, <c>--environment</c>, …). Everything else is the command's words and
/// options, which the command checks against the options it declares (<see cref="Commands.Register"/>), so a
/// mistyped option is refused. Written by hand because the framework's command-line provider reads only
/// <c>--Key=Value</c> reliably next to a command's own words, and ignores what it does not recognise.
/// </summary>
public sealed record CommandLine(IReadOnlyList<string> Configuration, IReadOnlyList<string> Command, string? Error)
{
    // The host's keys and the configuration sections the portal reads (see appsettings.json).
    static readonly HashSet<string> ConfigurationKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "webroot", "applicationName", "AllowedHosts", "http_ports", "https_ports",
        "shutdownTimeoutSeconds", "detailedErrors", "Logging", "Kestrel",
        "Database", "Portal", "Hosting", "RateLimits", "Disclosure", "Benchmark", "BulkDownloads",
    };

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var configuration = new List<string>();
        var command = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, value) = Split(arg);
            if (name is null || !ConfigurationKeys.Contains(name.Split(':')[0]))
            {
                command.Add(arg);
                continue;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return new CommandLine(configuration, command, $"--{name} needs a value (--{name} VALUE or --{name}=VALUE)");
                }

                value = args[++i];
            }

            configuration.Add($"--{name}={value}");
        }

        return new CommandLine(configuration, command, null);
    }

    /// <summary>The name and (with <c>=</c>) value of an option, or a null name for a word that is not one.</summary>
    public static (string? Name, string? Value) Split(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
        {
            return (null, null);
        }

        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (arg[2..], null) : (arg[2..eq], arg[(eq + 1)..]);
    }
}
