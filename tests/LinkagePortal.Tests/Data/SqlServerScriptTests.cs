using System.Text.RegularExpressions;
using LinkagePortal.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit.Abstractions;

namespace LinkagePortal.Tests.Data;

/// <summary>
/// SQL Server cannot run here, so its path is checked by construction: every statement the portal can send it is
/// parsed by ScriptDom's SQL Server 2022 parser (TSql160Parser), and the mistakes a parser cannot see are checked on
/// the text and on the schema the migration scripts leave. Needs no server; always runs.
/// </summary>
public sealed class SqlServerScriptTests(ITestOutputHelper output)
{
    /// <summary>
    /// Fewer would mean discovery stopped finding statements (a refactor moved them out of its sight), not that they
    /// are fine. The count printed by the test is the real one; this is a floor well below it.
    /// </summary>
    const int AtLeast = 250;

    /// <summary>The count as the test's argument, so that the run's list of tests names it.</summary>
    public static TheoryData<int> StatementCount => new(SqlServerStatements.All().Count);

    [Theory]
    [MemberData(nameof(StatementCount))]
    public void Every_statement_the_portal_can_send_to_SQL_Server_parses_as_TSql160(int statementsChecked)
    {
        var statements = SqlServerStatements.All();
        Assert.Equal(statementsChecked, statements.Count);
        var failures = new List<string>();
        foreach (var statement in statements)
        {
            SqlServerSchema.Parse(statement.Sql, out var errors);
            failures.AddRange(errors.Select(e => $"{statement.Origin}: line {e.Line}, column {e.Column}: {e.Message}\n{statement.Sql}"));
        }

        var byKind = statements.GroupBy(s => s.Origin.Contains(".sql batch", StringComparison.Ordinal) ? "migration batches" : "application statements")
            .Select(g => $"{g.Count()} {g.Key}");
        var skipped = SqlServerStatements.SqliteOnlyFields().ToList();
        output.WriteLine($"TSql160Parser (SQL Server 2022) checked {statements.Count} statements ({string.Join(", ", byKind)}); "
            + $"{skipped.Count} SQLite-only constants left out: {string.Join(", ", skipped)}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {statements.Count} statements do not parse as T-SQL 160:\n{string.Join("\n\n", failures)}");
        Assert.True(statements.Count >= AtLeast, $"checked {statements.Count} statements, expected at least {AtLeast}");
    }

    [Fact]
    public void Discovery_finds_each_kind_of_statement()
    {
        var origins = SqlServerStatements.All().Select(s => s.Origin).ToList();

        Assert.Contains(origins, o => o.StartsWith("0001_schema.sql", StringComparison.Ordinal));
        Assert.Contains(origins, o => o.EndsWith("+ Limit", StringComparison.Ordinal));
        Assert.Contains(origins, o => o.EndsWith(" next page", StringComparison.Ordinal));
        Assert.Contains(origins, o => o.StartsWith("Upsert projects", StringComparison.Ordinal));
        Assert.Contains(origins, o => o.Contains(".And(\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_statement_with_a_mistake_is_reported()
    {
        SqlServerSchema.Parse("SELECT id FROM projects LIMIT 5", out var limit);
        SqlServerSchema.Parse("SELECT id FROM projects" + SqlDialect.SqlServer.Limit("@take"), out var fetchWithoutOrder);

        Assert.NotEmpty(limit);
        Assert.NotEmpty(fetchWithoutOrder);
    }

    [Fact]
    public void Placeholders_are_filled_as_their_builders_fill_them()
    {
        Assert.Equal("SELECT a FROM t WHERE x.code LIKE @prefix ORDER BY a", SqlServerStatements.Render("SELECT a FROM t WHERE {0} ORDER BY a"));
        Assert.Equal("SELECT a\nFROM projects p JOIN b\nWHERE 1 = 1\nORDER BY a", SqlServerStatements.Render("SELECT a\n{0} JOIN b\n{1}\nORDER BY a"));
        Assert.Equal("SELECT 1 WHERE 1 = 1 AND (p.a > @a)", SqlServerStatements.Wrap("AND (p.a > @a)"));
    }

    [Fact]
    public void Batches_are_split_on_GO_lines_only()
    {
        var batches = Migrator.Batches("CREATE TABLE a (x INT);\nGO\nCREATE TRIGGER t ON a AFTER INSERT AS SELECT 'GO';\n  go  \r\nSELECT 1 AS GOAL;\nGO\n");

        Assert.Equal(["CREATE TABLE a (x INT);", "CREATE TRIGGER t ON a AFTER INSERT AS SELECT 'GO';", "SELECT 1 AS GOAL;"], batches);
    }

    /// <summary>
    /// "Everything under region C" must not lean on how a collation sorts a character after the digits (C + ':' is
    /// right bytewise and wrong under SQL Server's Unicode collations); no SQL Server text may build such a bound.
    /// </summary>
    [Fact]
    public void No_statement_builds_a_collation_dependent_bound()
    {
        var offending = SqlServerStatements.All()
            .Where(s => Regex.IsMatch(s.Sql, @"\+\s*N?'[:;~\uFFFF]'|CHAR\(\s*58\s*\)|CHAR\(\s*ASCII\(", RegexOptions.IgnoreCase))
            .Select(s => s.Origin).ToList();

        Assert.True(offending.Count == 0, "collation-dependent bounds in: " + string.Join(", ", offending));
    }
}
