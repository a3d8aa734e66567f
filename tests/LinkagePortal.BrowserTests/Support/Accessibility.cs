using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LinkagePortal.BrowserTests.Support;

/// <summary>axe-core run in the page: a serious or critical violation fails the test with what and where.</summary>
public static class Accessibility
{
    static readonly string[] Blocking = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(this IPage page)
    {
        var results = await page.RunAxe();
        var blocking = results.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        var report = string.Join("\n", blocking.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} ({v.HelpUrl})\n    " +
            string.Join("\n    ", v.Nodes.Take(5).Select(n => $"{n.Target} {n.Html}: {Messages(n)}"))));
        Assert.True(blocking.Count == 0, $"axe found {blocking.Count} serious or critical violation(s) on {page.Url}:\n{report}");
    }

    static string Messages(AxeResultNode node) =>
        string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).Distinct());
}
