using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.OpenData;

/// <summary>Reading the open-data API in tests: JSON documents, pages followed to the end, CSV files parsed strictly.</summary>
public static class Api
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every item of a list, following next links; asserts that total matches what was returned.</summary>
    public static async Task<List<JsonElement>> GetAllAsync(this HttpClient client, string url)
    {
        var items = new List<JsonElement>();
        long? total = null;
        for (string? next = url; next is not null;)
        {
            var page = await client.GetJsonAsync(next);
            total ??= page.GetProperty("total").GetInt64();
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }

        Assert.Equal(total, items.Count);
        return items;
    }

    public static string Text(this JsonElement item, string property) => item.GetProperty(property).GetString()!;

    /// <summary>A CSV download: its raw bytes, and its records parsed by <see cref="StrictCsv"/> (header first).</summary>
    public static async Task<(byte[] Bytes, List<string[]> Records)> GetCsvAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 300)])}");
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        return (bytes, StrictCsv.Parse(text.TrimStart('\uFEFF')));
    }

    /// <summary>The CSV records as dictionaries keyed by the header's column names.</summary>
    public static List<Dictionary<string, string>> Rows(this List<string[]> records) =>
        records.Skip(1).Select(r => records[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();

    public static bool StartsWithBom(byte[] bytes) => bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
}

/// <summary>
/// RFC 4180, strictly: records end in CRLF (a bare CR or LF is only allowed inside quotes), every record has as many
/// fields as the header, quotes only around whole fields with inner quotes doubled. Anything else fails the test.
/// </summary>
public static class StrictCsv
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "a quoted field is not closed");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                Assert.True(i >= text.Length || text[i] is ',' or '\r', $"text after a closing quote at offset {i}");
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    Assert.True(text[i] != '"', $"a quote inside an unquoted field at offset {i}");
                    field.Append(text[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            Assert.True(i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n', $"a record does not end in CRLF at offset {i}");
            i += 2;
            records.Add([.. fields]);
            fields.Clear();
        }

        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(records[0].Length, r.Length));
        return records;
    }
}

/// <summary>A portal whose database the test changes (each instance has its own copy) and whose clock it sets.</summary>
public class WritablePortal : ClockedPortalFactory
{
    public WritablePortal()
    {
    }

    protected WritablePortal(DatabaseProvider provider) : base(provider)
    {
    }

    /// <summary>Changes the data with plain SQL, then writes the maintained region totals anew, as after any such change.</summary>
    public int Execute(string sql, object? parameters = null)
    {
        using var connection = Db.Open();
        var changed = connection.Execute(sql, parameters);
        using var transaction = connection.BeginTransaction();
        LinkagePortal.Records.RegionTotals.Rebuild(connection, transaction);
        transaction.Commit();
        return changed;
    }

    /// <summary>Adds a linkage project (in 天山区, which has none of its own) listed in the Wusu budget disclosure.</summary>
    public void AddProject(string code, string name, long amountYuan = 10000, string county = "650102") => Execute("""
        INSERT INTO projects (code, programme, fiscal_year, name, county_code, amount_yuan, derivation, source_document_id, source_table)
        VALUES (@code, 'linkage', 2024, @name, @county, @amountYuan, 'printed', 'wusu-2024-budget', 'test')
        """, new { code, name, amountYuan, county });
}

/// <summary>A writable portal on a fresh SQL Server database (LINKAGE_SQLSERVER); its tests skip when none is configured.</summary>
public sealed class SqlServerWritablePortal() : WritablePortal(DatabaseProvider.SqlServer);
