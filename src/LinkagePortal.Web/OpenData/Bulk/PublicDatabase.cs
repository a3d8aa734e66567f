using Microsoft.Data.Sqlite;
using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>
/// /datasets/public.sqlite: the public rows of every dataset as one SQLite file for local querying, one table per
/// dataset with the CSV's columns. It is filled from the very CSV files the bulk download holds, so it can hold no more
/// than a public download does: no embargoed row, no complaint text, no key. Lists stay ';'-joined text as in the CSV.
/// </summary>
public sealed class PublicDatabase(string file)
{
    readonly string connectionString = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();

    public void Add(OpenDataset dataset, string csvFile)
    {
        var columns = CsvFormat.Columns(dataset.Fields);
        var table = Quote(dataset.Name);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var key = dataset.PrimaryKey.Length == 0 ? "" : ", PRIMARY KEY (" + string.Join(", ", dataset.PrimaryKey.Select(Quote)) + ")";
        connection.Execute($"CREATE TABLE {table} ({string.Join(", ", columns.Select(c => Quote(c.Name) + " " + SqlType(c.Type)))}{key})", transaction: transaction);

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();

        // The framework's RFC 4180 reader (quoted cells may hold commas, quotes and line breaks).
        using var reader = new Microsoft.VisualBasic.FileIO.TextFieldParser(csvFile, System.Text.Encoding.UTF8) { TextFieldType = Microsoft.VisualBasic.FileIO.FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        reader.SetDelimiters(",");
        reader.ReadFields();
        while (reader.ReadFields() is { } cells)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = cells[i].Length == 0 ? DBNull.Value : Value(columns[i].Type, cells[i]);
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    static object Value(Api.FieldType type, string cell) => type switch
    {
        Api.FieldType.Integer => long.Parse(cell, System.Globalization.CultureInfo.InvariantCulture),
        _ => cell,
    };

    // Amounts in 万元 (at most 4 decimals) take NUMERIC affinity: SQLite keeps them as numbers, exact to 15 digits.
    static string SqlType(Api.FieldType type) => type switch
    {
        Api.FieldType.Integer => "INTEGER",
        Api.FieldType.Decimal => "NUMERIC",
        _ => "TEXT",
    };

    static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
