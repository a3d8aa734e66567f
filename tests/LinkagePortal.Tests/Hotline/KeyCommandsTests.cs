using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Hotline;
using LinkagePortal.Keys;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hotline;

/// <summary>The operator issues, lists and revokes keys with <c>keys create|list|revoke</c>.</summary>
public sealed class KeyCommandsTests
{
    readonly Db db = TestDatabase.SeededSqlite();

    async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await KeyCommands.RunAsync(new ApiKeys(db, TimeProvider.System, new AuditLog(db, TimeProvider.System)), args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Create_prints_the_key_once_list_shows_it_without_the_key_and_revoke_withdraws_it()
    {
        var created = await RunAsync("create", "--org", "乌苏市纪委监委", "--counties", "654202");

        Assert.Equal(0, created.Code);
        var key = created.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Single(l => l.StartsWith("lpk_", StringComparison.Ordinal));
        var keyId = key.Split('_')[1];
        var listed = await RunAsync("list");
        Assert.Contains($"{keyId}  乌苏市纪委监委  654202", listed.Output);
        Assert.Contains("active", listed.Output);
        Assert.DoesNotContain(key, listed.Output);

        Assert.Equal(0, (await RunAsync("revoke", keyId)).Code);
        Assert.Contains("revoked", (await RunAsync("list")).Output);
        Assert.Equal(1, (await RunAsync("revoke", keyId)).Code);
        using var connection = db.Open();
        Assert.Equal(["key.create", "key.revoke"], connection.Query<string>("SELECT action FROM audit_log WHERE entity_id = @keyId ORDER BY id", new { keyId }));
    }

    [Fact]
    public async Task A_key_is_for_complaints_unless_created_for_publishing()
    {
        var complaints = await RunAsync("create", "--org", "乌苏市纪委监委", "--counties", "654202");
        var publish = await RunAsync("create", "--org", "乌苏市财政局", "--counties", "654202", "--scope", "publish");
        var wrong = await RunAsync("create", "--org", "乌苏市财政局", "--counties", "654202", "--scope", "everything");

        Assert.Contains("(complaints)", complaints.Output);
        Assert.Contains("(publish)", publish.Output);
        Assert.Equal(1, wrong.Code);
        Assert.Contains("everything", wrong.Error);
        var listed = (await RunAsync("list")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(listed, l => l.Contains("乌苏市纪委监委", StringComparison.Ordinal) && l.EndsWith("active  complaints", StringComparison.Ordinal));
        Assert.Single(listed, l => l.Contains("乌苏市财政局", StringComparison.Ordinal) && l.EndsWith("active  publish", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("create", "--org", "乌苏市纪委监委", "--counties", "654202109200")]
    [InlineData("create", "--org", "乌苏市纪委监委", "--counties", "999999")]
    public async Task A_key_is_scoped_to_counties_or_prefectures_that_exist(params string[] args)
    {
        var refused = await RunAsync(args);

        Assert.Equal(1, refused.Code);
        Assert.Contains(args[^1], refused.Error);
        using var connection = db.Open();
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM api_keys"));
    }

    [Fact]
    public async Task A_command_without_its_options_prints_the_usage()
    {
        Assert.Equal(2, (await RunAsync("create", "--org", "乌苏市纪委监委")).Code);
        Assert.Contains("usage", (await RunAsync()).Error);
    }
}
