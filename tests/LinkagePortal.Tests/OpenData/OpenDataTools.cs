using System.Diagnostics;
using System.Text.Json;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

/// <summary>
/// The third-party validators in tests/OpenDataTools (npm, versions locked in its package-lock.json, installed by
/// tests/run.sh): each test writes what the portal serves to a folder and runs one of its node scripts on it.
/// Without node the test is skipped with that reason; without the installed packages it fails, naming the command.
/// </summary>
public static class OpenDataTools
{
    public static string Folder { get; } = Path.Combine(TestDatabase.Paths.Root, "tests", "OpenDataTools");

    /// <summary>Runs <c>node SCRIPT ARGS</c> in the tools' folder and parses the JSON report it prints.</summary>
    public static async Task<JsonElement> RunAsync(string script, params string[] args)
    {
        Skip.If(!NodeIsInstalled(), "node is not installed: the open-data validators (tests/OpenDataTools) run on Node.js (Debian: apt-get install nodejs npm)");
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules")),
            $"the open-data validators are not installed: run `npm ci` in {Folder} (tests/run.sh does)");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        start.ArgumentList.Add(Path.Combine(Folder, script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output;
        Assert.True(process.ExitCode == 0 && text.TrimStart().StartsWith('{'), $"node {script} exited {process.ExitCode}: {await error}\n{text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The strings of a report's array property, for an assertion that lists them all when it fails.</summary>
    public static List<string> Strings(this JsonElement report, string property) =>
        report.GetProperty(property).EnumerateArray().Select(e => e.ToString()).ToList();

    public static string TemporaryFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "linkage-opendata-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    static bool NodeIsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "node")));
}
