using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using LinkagePortal.Data;

namespace LinkagePortal.Tests.Data;

/// <summary>
/// Every statement the portal can send to SQL Server, found without a list to keep up to date: the migration scripts'
/// batches; every <c>const string</c> and <c>static readonly string</c> of the web assembly that reads as SQL (a
/// statement, a FROM clause or a condition), with its <c>{0}</c> placeholders filled the way its builders fill them;
/// each ordered statement also with the dialect's row limit; the <c>/api/v1</c> lists' statements built from their
/// list sources (count, page, next page, item); the dialect's upsert for every table; and the conditions the API
/// endpoints add inline (<c>filter.And("…")</c>, read from the source files). SQLite-only text (PRAGMA, the SQLite
/// ledger) is recognised and left out.
/// </summary>
public static partial class SqlServerStatements
{
    public sealed record Statement(string Origin, string Sql);

    static readonly SqlDialect Dialect = SqlDialect.SqlServer;
    static Assembly Web => typeof(Db).Assembly;

    public static IReadOnlyList<Statement> All() =>
        [.. MigrationBatches(), .. Fields(), .. ListSources(), .. Upserts(), .. InlineConditions()];

    /// <summary>Names of constants that are SQLite's own spelling of something SQL Server does differently.</summary>
    public static bool IsSqliteOnly(string name, string sql) =>
        name.Contains("Sqlite", StringComparison.Ordinal) || sql.Contains("PRAGMA", StringComparison.Ordinal);

    public static IEnumerable<Statement> MigrationBatches() =>
        Migrator.Scripts(DatabaseProvider.SqlServer)
            .SelectMany(s => Migrator.Batches(s.Sql).Select((b, i) => new Statement($"{s.Name} batch {i + 1}", b)));

    /// <summary>The SQL-looking string constants and read-only statics, each as the statements it can become.</summary>
    public static IEnumerable<Statement> Fields()
    {
        foreach (var (name, text) in StringFields())
        {
            if (IsSqliteOnly(name, text) || Wrap(text) is not { } sql)
            {
                continue;
            }

            var rendered = Render(sql);
            yield return new Statement(name, rendered);
            if (OrderBy().IsMatch(rendered) && !rendered.Contains("FETCH NEXT", StringComparison.Ordinal))
            {
                yield return new Statement(name + " + Limit", rendered + Dialect.Limit("@take"));
            }
        }
    }

    /// <summary>The SQLite-only constants left out of <see cref="Fields"/>, so that the test can say how many.</summary>
    public static IEnumerable<string> SqliteOnlyFields() =>
        StringFields().Where(f => Wrap(f.Text) is not null && IsSqliteOnly(f.Name, f.Text)).Select(f => f.Name);

    public static IEnumerable<(string Name, string Text)> StringFields()
    {
        const BindingFlags flags = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var type in Web.GetTypes().Where(t => !t.IsGenericTypeDefinition))
        {
            foreach (var field in type.GetFields(flags).Where(f => f.FieldType == typeof(string) && (f.IsLiteral || f.IsInitOnly)))
            {
                if ((field.IsLiteral ? field.GetRawConstantValue() : field.GetValue(null)) is string text)
                {
                    yield return ($"{type.FullName}.{field.Name}", text);
                }
            }
        }
    }

    /// <summary>
    /// The text as a whole statement when it reads as SQL: statements as they are, a FROM clause or a condition
    /// inside a SELECT (the parser checks their syntax there). Null for other text.
    /// </summary>
    public static string? Wrap(string text)
    {
        var t = text.Trim();
        if (StatementStart().IsMatch(t))
        {
            return t;
        }

        if (t.StartsWith("FROM ", StringComparison.Ordinal) && t.Contains(' ', StringComparison.Ordinal))
        {
            return "SELECT 1 " + t;
        }

        if (ConditionLike().IsMatch(t) && Parameter().IsMatch(t))
        {
            return t.StartsWith("AND ", StringComparison.Ordinal) ? "SELECT 1 WHERE 1 = 1 " + t : "SELECT 1 WHERE " + t;
        }

        return null;
    }

    /// <summary>
    /// Fills <c>{n}</c> the way the builders do: a placeholder after WHERE/AND/OR/( is a condition (the dialect's
    /// "starts with"), one before JOIN is a FROM clause, one alone at a line's start a WHERE clause, any other an
    /// optional extra condition (empty).
    /// </summary>
    public static string Render(string sql) => ExpandLists(Placeholder().Replace(sql, m =>
    {
        var before = sql[..m.Index].TrimEnd();
        var after = sql[(m.Index + m.Length)..].TrimStart();
        var lineStart = sql[..m.Index].Split('\n')[^1].Trim().Length == 0;
        if (after.StartsWith("JOIN", StringComparison.Ordinal))
        {
            return "FROM projects p";
        }

        if (Regex.IsMatch(before, @"(\bWHERE|\bAND|\bOR|\()$"))
        {
            return Dialect.StartsWith("x.code", "@prefix");
        }

        return lineStart ? "WHERE 1 = 1" : "";
    }));

    /// <summary>Dapper sends <c>IN @ids</c> with a list as <c>IN (@ids1, @ids2, …)</c>.</summary>
    public static string ExpandLists(string sql) => ListParameter().Replace(sql, m => $"IN ({m.Groups[1].Value}1, {m.Groups[1].Value}2)");

    /// <summary>Each <c>/api/v1</c> list's statements, composed as ApiList composes them from the list source.</summary>
    public static IEnumerable<Statement> ListSources()
    {
        const BindingFlags flags = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var type in Web.GetTypes().Where(t => !t.IsGenericTypeDefinition))
        {
            foreach (var field in type.GetFields(flags).Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition().Name == "ListSource`1"))
            {
                var source = field.GetValue(null)!;
                string Get(string property) => (string)source.GetType().GetProperty(property)!.GetValue(source)!;
                var (select, from, key, name) = (Get("Select"), Get("From"), Get("Key"), $"{type.FullName}.{field.Name}");
                const string where = " WHERE (x.published_at IS NULL OR x.published_at <= @now)";
                yield return new Statement(name + " count", "SELECT COUNT(*) " + from + where);
                yield return new Statement(name + " page", $"{select} {from}{where} ORDER BY {key}{Dialect.Limit("@take")}");
                yield return new Statement(name + " next page", $"{select} {from}{where} AND {key} > @after ORDER BY {key}{Dialect.Limit("@take")}");
                yield return new Statement(name + " batch", $"SELECT 1 {from}{where} AND {key} >= @batchFirst AND {key} <= @batchLast");
                yield return new Statement(name + " export", $"{select} {from}{where} ORDER BY {key}");

                // A page of a list made of parts (a prefecture's counties), as ApiList.PageSql writes it.
                var pageSql = typeof(LinkagePortal.Api.ApiList).GetMethod("PageSql", BindingFlags.Static | BindingFlags.NonPublic)!
                    .MakeGenericMethod(field.FieldType.GetGenericArguments()[0]);
                foreach (var after in new[] { null, $"{key} > @after" })
                {
                    var filter = new LinkagePortal.Api.SqlFilter(DateTime.UnixEpoch).And("(x.published_at IS NULL OR x.published_at <= @now)")
                        .InParts("x.county_code", ["654201", "654202"]);
                    yield return new Statement(name + (after is null ? " page by parts" : " next page by parts"),
                        (string)pageSql.Invoke(null, [Dialect, source, filter, after])!);
                }
            }
        }
    }

    /// <summary>The dialect's upsert for every table of the SQL Server schema, keyed on its first column.</summary>
    public static IEnumerable<Statement> Upserts() =>
        SqlServerSchema.Build().Tables.Select(t => new Statement($"Upsert {t.Key}",
            Dialect.Upsert(t.Key, [t.Value.Columns[0].Name], [.. t.Value.Columns.Select(c => c.Name)])));

    /// <summary>Conditions written inline in calls <c>.And("…")</c> (string literals, either side of a ?:).</summary>
    public static IEnumerable<Statement> InlineConditions()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Support.TestDatabase.Paths.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var source = File.ReadAllText(file);
            foreach (Match call in AndCall().Matches(source))
            {
                foreach (Match literal in StringLiteral().Matches(call.Groups[1].Value))
                {
                    var condition = literal.Groups[1].Value.Replace("\\\\", "\\", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
                    if (Wrap(condition) is { } sql)
                    {
                        yield return new Statement($"{Path.GetFileName(file)}: .And(\"{condition}\")", sql);
                    }
                }
            }
        }
    }

    /// <summary>A flat view of a list, for messages.</summary>
    public static string Describe(IEnumerable items) => string.Join(Environment.NewLine, items.Cast<object>());

    [GeneratedRegex(@"^(SELECT|INSERT|UPDATE|DELETE|WITH|MERGE|CREATE|ALTER|DROP|IF|EXEC|DECLARE)\b")]
    private static partial Regex StatementStart();

    [GeneratedRegex(@"^(\(|AND\b|[a-z_]+\.[a-z_]+\s*(=|<|>|IN\b|LIKE\b|IS\b))")]
    private static partial Regex ConditionLike();

    [GeneratedRegex(@"@[A-Za-z]\w*")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\bIN\s+(@\w+)")]
    private static partial Regex ListParameter();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bORDER BY\b")]
    private static partial Regex OrderBy();

    [GeneratedRegex(@"\.And\(((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)")]
    private static partial Regex AndCall();

    [GeneratedRegex(@"(?<![$@\w])""((?:[^""\\]|\\.)*)""")]
    private static partial Regex StringLiteral();
}
