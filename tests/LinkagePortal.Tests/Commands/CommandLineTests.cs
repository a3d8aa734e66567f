using Dapper;
using LinkagePortal.Commands;
using LinkagePortal.Data;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Commands;

/// <summary>The command line: configuration as --Key Value or --Key=Value, unknown options refused, the database named.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "--Database:DataDirectory", "/srv/x", "import", "a.csv" }, new[] { "--Database:DataDirectory=/srv/x" }, new[] { "import", "a.csv" })]
    [InlineData(new[] { "import", "a.csv", "--Database:DataDirectory=/srv/x" }, new[] { "--Database:DataDirectory=/srv/x" }, new[] { "import", "a.csv" })]
    [InlineData(new[] { "--urls", "http://127.0.0.1:8080" }, new[] { "--urls=http://127.0.0.1:8080" }, new string[0])]
    [InlineData(new[] { "keys", "create", "--org", "乌苏市纪委监委", "--counties", "654202" }, new string[0], new[] { "keys", "create", "--org", "乌苏市纪委监委", "--counties", "654202" })]
    public void Configuration_is_read_in_both_forms_and_the_rest_is_the_command(string[] args, string[] configuration, string[] command)
    {
        var parsed = CommandLine.Parse(args);

        Assert.Null(parsed.Error);
        Assert.Equal(configuration, parsed.Configuration);
        Assert.Equal(command, parsed.Command);
    }

    [Fact]
    public void A_configuration_key_without_a_value_is_refused()
    {
        Assert.Contains("--Database:DataDirectory needs a value", CommandLine.Parse(["migrate", "--Database:DataDirectory"]).Error);
    }

    [Fact]
    public async Task Keys_commands_use_the_database_given_as_key_space_value_and_say_which()
    {
        var directory = TestDatabase.SeededSqliteDirectory();
        var file = Path.Combine(directory, "linkage.db");

        var created = await PortalCommand.RunAsync("keys", "create", "--org", "乌苏市纪委监委", "--counties", "654202", "--Database:DataDirectory", directory);
        Assert.True(created.Code == 0, created.Error);
        Assert.Contains($"Database: SQLite {file}", created.Output);
        var id = created.Output.Split('\n').Single(l => l.StartsWith("lpk_", StringComparison.Ordinal)).Split('_')[1];

        var revoked = await PortalCommand.RunAsync("keys", "revoke", id, "--Database:DataDirectory", directory);
        Assert.True(revoked.Code == 0, revoked.Error);
        Assert.Contains($"Key {id} revoked", revoked.Output);

        using var connection = new Db(DatabaseProvider.Sqlite, Db.SqliteConnectionString(file)).Open();
        Assert.NotNull(connection.ExecuteScalar<string?>("SELECT revoked_at FROM api_keys WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task The_import_command_keeps_its_reason_and_a_full_import_withdraws_what_the_file_no_longer_lists()
    {
        var directory = TestDatabase.SeededSqliteDirectory();
        var file = LinkagePortal.Tests.Changes.ChangeFiles.ProjectsWithout("654202-2024-001");

        var imported = await PortalCommand.RunAsync("import", "--reason", "县财政局撤回该项目", "--full", file, "--Database:DataDirectory", directory);

        Assert.True(imported.Code == 0, imported.Error);
        using var connection = new Db(DatabaseProvider.Sqlite, Db.SqliteConnectionString(Path.Combine(directory, "linkage.db"))).Open();
        Assert.Equal(("withdrawn", "县财政局撤回该项目"), connection.QuerySingle<(string, string)>(
            "SELECT kind, reason FROM record_versions WHERE record_type = 'projects' AND record_id = '654202-2024-001' AND version = 2"));
        Assert.Equal(2, (await PortalCommand.RunAsync("import", "--reason", file, "--Database:DataDirectory", directory)).Code);
    }

    [Theory]
    [InlineData("migrate", "--frobnicate")]
    [InlineData("keys", "create", "--organisation", "乌苏市纪委监委")]
    [InlineData("--verbose")]
    public async Task An_unknown_option_is_refused(params string[] args)
    {
        var (code, _, error) = await PortalCommand.RunAsync([.. args, "--Database:DataDirectory", TestDatabase.NewDirectory("unused")]);

        Assert.Equal(2, code);
        Assert.Contains("unknown", error);
    }
}
