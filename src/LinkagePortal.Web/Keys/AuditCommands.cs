namespace LinkagePortal.Keys;

/// <summary><c>audit verify</c>: recomputes the audit log's hash chain; exit code 1 and the entry's id when it is broken.</summary>
public static class AuditCommands
{
    public static int Run(WebApplication app, string[] args) =>
        RunAsync(app.Services.GetRequiredService<AuditLog>(), args[1..], Console.Out, Console.Error).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(AuditLog audit, string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["verify"])
        {
            await error.WriteLineAsync("usage: audit verify   check that no audit log entry was changed, removed or inserted");
            return 2;
        }

        var result = await audit.VerifyAsync();
        if (!result.Intact)
        {
            await error.WriteLineAsync($"audit verify: the chain is broken at entry {result.BrokenAt}: {result.Reason}.");
            return 1;
        }

        await output.WriteLineAsync($"audit verify: {result.Chained} entries, chain intact"
            + (result.BeforeChain > 0 ? $" ({result.BeforeChain} earlier entries predate the chain)." : "."));
        return 0;
    }
}
