using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace LinkagePortal.Tests.Data;

/// <summary>
/// What a parser cannot see, checked on the SQL Server schema the migration scripts leave (read from their syntax
/// trees): column types, collations of keys, unique indexes over nullable columns.
/// </summary>
public sealed class SqlServerSchemaTests
{
    [Fact]
    public void Every_text_column_is_unicode_and_no_time_column_is_legacy_datetime()
    {
        var schema = SqlServerSchema.Build();
        var columns = schema.Tables.SelectMany(t => t.Value.Columns.Select(c => (Table: t.Key, Column: c))).ToList();
        var narrow = columns.Where(c => c.Column.Type is SqlDataTypeOption.VarChar or SqlDataTypeOption.Char or SqlDataTypeOption.Text)
            .Select(c => $"{c.Table}.{c.Column.Name} ({c.Column.Type}, {c.Column.Script})").ToList();
        var legacy = columns.Where(c => c.Column.Type is SqlDataTypeOption.DateTime or SqlDataTypeOption.SmallDateTime)
            .Select(c => $"{c.Table}.{c.Column.Name} ({c.Column.Type}, {c.Column.Script})").ToList();

        Assert.True(columns.Count > 100, $"read only {columns.Count} columns from the SQL Server scripts");
        Assert.True(narrow.Count == 0, "non-Unicode text columns (parameters are NVARCHAR: implicit conversions, scans):\n" + string.Join("\n", narrow));
        Assert.True(legacy.Count == 0, "datetime columns (use DATETIME2):\n" + string.Join("\n", legacy));
        Assert.True(schema.Unstated.Count == 0, "ALTER COLUMN without NULL / NOT NULL:\n" + string.Join("\n", schema.Unstated));
    }

    /// <summary>
    /// Codes and ids are compared by range, ordered for keyset paging and matched exactly: on SQL Server they carry a
    /// binary collation, which compares code points as SQLite's BINARY does; so do case references and task names,
    /// which must match case- and width-sensitively as on SQLite.
    /// </summary>
    [Fact]
    public void Code_id_reference_and_task_columns_compare_bytewise()
    {
        var schema = SqlServerSchema.Build();
        var wrong = schema.Tables
            .SelectMany(t => t.Value.Columns.Select(c => (Table: t.Key, Column: c)))
            .Where(c => c.Column.Type is SqlDataTypeOption.NVarChar or SqlDataTypeOption.NChar
                && Regex.IsMatch(c.Column.Name, @"^(code|id|task|case_reference|source_table)$|_(code|id)$")
                && !(c.Column.Collation ?? "").EndsWith("_BIN2", StringComparison.OrdinalIgnoreCase))
            .Select(c => $"{c.Table}.{c.Column.Name} (collation {c.Column.Collation ?? "database default"})")
            .ToList();

        Assert.True(wrong.Count == 0, "text keys without a _BIN2 collation:\n" + string.Join("\n", wrong));
    }

    /// <summary>SQL Server's unique indexes treat NULLs as equal, SQLite's as distinct: a filter makes them agree.</summary>
    [Fact]
    public void Unique_indexes_over_nullable_columns_are_filtered()
    {
        var schema = SqlServerSchema.Build();
        var unfiltered = schema.Indexes.Values
            .Where(i => i.Unique && !i.Filtered && i.Columns.Any(c =>
                schema.Tables[i.Table].Columns.First(x => string.Equals(x.Name, c, StringComparison.OrdinalIgnoreCase)).Nullable))
            .Select(i => $"{i.Name} on {i.Table}({string.Join(", ", i.Columns)}) in {i.Script}")
            .ToList();

        Assert.NotEmpty(schema.Indexes);
        Assert.True(unfiltered.Count == 0, "unique indexes over nullable columns without WHERE … IS NOT NULL:\n" + string.Join("\n", unfiltered));
    }
}
