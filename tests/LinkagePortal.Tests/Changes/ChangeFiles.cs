using LinkagePortal.Import;
using LinkagePortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Changes;

/// <summary>The seed's own data files, edited the way a county's correction would edit them, and imported into a test portal.</summary>
static class ChangeFiles
{
    static string[] SeedLines(string dataset) => File.ReadAllLines(Path.Combine(TestDatabase.Paths.Data, dataset + ".csv"));

    /// <summary>The seed's projects file with one project's line edited (and, when given, a change_reason column).</summary>
    public static string Projects(string code, Func<string, string> edit, string? reason = null)
    {
        var lines = SeedLines("projects");
        var text = lines.Select((line, i) => i == 0
            ? line + (reason is null ? "" : ",change_reason")
            : (line.StartsWith(code + ",", StringComparison.Ordinal) ? edit(line) : line) + (reason is null ? "" : line.StartsWith(code + ",", StringComparison.Ordinal) ? "," + reason : ","));
        return Write("projects.csv", text);
    }

    /// <summary>The seed's projects file without one project's line.</summary>
    public static string ProjectsWithout(string code) =>
        Write("projects.csv", SeedLines("projects").Where(l => !l.StartsWith(code + ",", StringComparison.Ordinal)));

    public static string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(TestDatabase.NewDirectory("changes"), name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    public static void Import(PortalFactory portal, string path, string? reason = null, bool full = false) =>
        portal.Services.GetRequiredService<Importer>().Import([path], reason, full);
}
