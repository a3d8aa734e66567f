using System.Text.RegularExpressions;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Records;

/// <summary>
/// The embargo rule of each table is written in one place, <c>Records/Public.cs</c>: no other source file spells a
/// condition on <c>published_at</c> against the clock, so a new query cannot carry a forgotten or different copy (the
/// behaviour, a record appearing at its time on every page and in the API, is in Disclosure/EmbargoEverywhereTests and
/// EmbargoInheritanceTests).
/// </summary>
public sealed partial class EmbargoRuleTests
{
    [GeneratedRegex(@"published_at\s*(<=|>=|<|>)\s*@now|published_at\s+IS\s+NULL\s+OR", RegexOptions.IgnoreCase)]
    private static partial Regex EmbargoCondition();

    [Fact]
    public void Only_the_records_spell_the_embargo_condition()
    {
        var source = Path.Combine(TestDatabase.Paths.Root, "src", "LinkagePortal.Web");
        var spelled = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(source, f), Line: i + 1, Text: line)))
            .Where(l => EmbargoCondition().IsMatch(l.Text))
            .ToList();

        // Public.cs holds the rules; EmbargoBoundary finds the next publication time across the tables.
        string[] allowed = [Path.Combine("Records", "Public.cs"), Path.Combine("Records", "EmbargoBoundary.cs")];
        Assert.All(spelled, l => Assert.True(allowed.Contains(l.File), $"{l.File}:{l.Line}: {l.Text.Trim()}"));
        Assert.NotEmpty(spelled);
    }
}
