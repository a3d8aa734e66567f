namespace LinkagePortal.Data;

/// <summary>
/// The few places where SQLite and SQL Server spell things differently. Everything else is one SQL text.
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new("Sqlite", limit: p => $" LIMIT {p}", upsert: SqliteUpsert);
    public static readonly SqlDialect SqlServer = new("SqlServer", limit: p => $" OFFSET 0 ROWS FETCH NEXT {p} ROWS ONLY", upsert: SqlServerUpsert);

    // Text patterns: SQLite's LIKE uses an index only on NOCASE columns, its GLOB on ordinary (BINARY) ones;
    // SQL Server's LIKE 'abc%' seeks an index. Both patterns here are built from text stripped of wildcards.
    static readonly char[] PatternCharacters = ['*', '?', '[', ']', '%', '_', '\\'];

    readonly Func<string, string> limit;
    readonly Func<string, string[], string[], string> upsert;

    SqlDialect(string name, Func<string, string> limit, Func<string, string[], string[], string> upsert)
    {
        Name = name;
        this.limit = limit;
        this.upsert = upsert;
    }

    public string Name { get; }

    /// <summary>Row limit, appended after ORDER BY; <paramref name="parameter"/> is e.g. <c>@take</c>.</summary>
    public string Limit(string parameter) => limit(parameter);

    /// <summary>
    /// "<paramref name="column"/> starts with the text bound to <paramref name="parameter"/>", index-friendly in both
    /// databases; bind the parameter to <see cref="PrefixPattern"/>.
    /// </summary>
    public string StartsWith(string column, string parameter) => Name == "Sqlite" ? $"{column} GLOB {parameter}" : $"{column} LIKE {parameter}";

    /// <summary>The pattern for <see cref="StartsWith"/>; wildcard characters in <paramref name="prefix"/> are dropped.</summary>
    public string PrefixPattern(string prefix) => StripPatternCharacters(prefix) + (Name == "Sqlite" ? "*" : "%");

    /// <summary>A pattern for <c>column LIKE @p</c> (a scan in both databases): the text anywhere in the column.</summary>
    public static string ContainsPattern(string text) => "%" + StripPatternCharacters(text) + "%";

    static string StripPatternCharacters(string text) => string.Concat(text.Where(c => !PatternCharacters.Contains(c)));

    /// <summary>Insert a row, or update it when a row with the same key columns exists. Parameters are named after columns.</summary>
    public string Upsert(string table, string[] keyColumns, string[] columns) => upsert(table, keyColumns, columns);

    public override string ToString() => Name;

    static string SqliteUpsert(string table, string[] keys, string[] columns)
    {
        var updates = columns.Except(keys).Select(c => $"{c} = excluded.{c}").ToArray();
        return $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) "
            + $"ON CONFLICT ({string.Join(", ", keys)}) "
            + (updates.Length == 0 ? "DO NOTHING" : $"DO UPDATE SET {string.Join(", ", updates)}");
    }

    static string SqlServerUpsert(string table, string[] keys, string[] columns)
    {
        var updates = columns.Except(keys).Select(c => $"t.{c} = s.{c}").ToArray();
        return $"MERGE {table} WITH (HOLDLOCK) AS t USING (SELECT {string.Join(", ", columns.Select(c => $"@{c} AS {c}"))}) AS s "
            + $"ON {string.Join(" AND ", keys.Select(k => $"t.{k} = s.{k}"))} "
            + (updates.Length == 0 ? "" : $"WHEN MATCHED THEN UPDATE SET {string.Join(", ", updates)} ")
            + $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "s." + c))});";
    }
}
