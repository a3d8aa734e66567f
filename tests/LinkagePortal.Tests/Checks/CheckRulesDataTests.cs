using Dapper;
using LinkagePortal.Import;
using LinkagePortal.Tests.Support;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace LinkagePortal.Tests.Checks;

/// <summary>The rules data: loaded through the importer, every row's document exists, a bad row is refused with its line and column.</summary>
public sealed class CheckRulesDataTests
{
    [Fact]
    public void Every_rule_is_loaded_and_names_a_document_that_exists()
    {
        using var connection = TestDatabase.SeededSqlite().Open();
        var rules = connection.Query<(string Id, string DocumentId, string Number)>(
            "SELECT k.id, k.document_id, d.number FROM check_rules k JOIN documents d ON d.id = k.document_id").ToList();
        Assert.Equal(File.ReadAllLines(Path.Combine(TestDatabase.Paths.Data, "check_rules.csv")).Length - 1, rules.Count);
        Assert.Equal(["wusu-2024-budget", "xcg-2021-11", "xcz-2024-9"], rules.Select(r => r.DocumentId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_rule_naming_an_unknown_document_is_refused_whole_with_file_line_and_column()
    {
        var db = TestDatabase.SeededSqlite();
        var path = Path.Combine(TestDatabase.NewDirectory("rules"), "check_rules.csv");
        File.WriteAllText(path, "id,check,title,document_id,article,quote,keywords,source,note\n"
            + "negative-new,negative-list,不得用于：测试,xcg-2021-11,第四条,测试,测试词,seed:1,\n"
            + "negative-bad,negative-list,不得用于：测试,no-such-doc,第四条,测试,,seed:1,\n");
        var refused = Assert.Throws<ImportRejectedException>(() => new Importer(db, TimeProvider.System).Import([path]));
        Assert.Equal(["check_rules.csv:3: column document_id: unknown document id 'no-such-doc' (not in documents)",
            "check_rules.csv:3: column keywords: is empty; a negative-list rule screens by its keywords"], refused.Errors.Select(e => e.ToString()));
        using var connection = db.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM check_rules WHERE id = 'negative-new'"));
    }

    [Fact]
    public void The_sql_server_schema_and_every_query_of_the_checks_parse_as_t_sql()
    {
        var root = Path.Combine(TestDatabase.Paths.Root, "src", "LinkagePortal.Web");
        var scripts = new List<string> { File.ReadAllText(Path.Combine(root, "Data", "Migrations", "SqlServer", "0030_checks.sql")) };
        // Every statement the checks run: the named constants, the select list and FROM of the results read together.
        scripts.AddRange(typeof(LinkagePortal.Checks.CheckSql)
            .GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public)
            .Where(f => f.FieldType == typeof(string) && f.Name is not (nameof(LinkagePortal.Checks.CheckSql.ResultSelect) or nameof(LinkagePortal.Checks.CheckSql.ResultFrom)))
            .Select(f => (string)f.GetValue(null)!));
        scripts.Add(LinkagePortal.Checks.CheckSql.ResultSelect + " " + LinkagePortal.Checks.CheckSql.ResultFrom);
        Assert.True(scripts.Count > 10);
        foreach (var script in scripts)
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Line}: {e.Message}")) + "\n" + script);
        }
    }
}
