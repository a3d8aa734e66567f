using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Records;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Data;

/// <summary>
/// Region ranges, keyset paging, ordering and exact matches give the same rows on both engines: each case is compared
/// with the answer computed here by code point (ordinal), which is what SQLite's BINARY and SQL Server's _BIN2 key
/// columns compare by. Always on SQLite; on a fresh SQL Server database when LINKAGE_SQLSERVER is set (skipped, with
/// the reason, otherwise).
/// </summary>
public abstract class SameResultsTests
{
    protected abstract Db? Database { get; }

    Db Db
    {
        get
        {
            Skip.If(Database is null, TestDatabase.SqlServerSkipReason);
            return Database!;
        }
    }

    [SkippableFact]
    public void Everything_under_each_prefecture_county_and_township_is_the_codes_that_start_with_it()
    {
        using var connection = Db.Open();
        var codes = connection.Query<string>("SELECT code FROM regions").ToList();
        var parents = codes.Where(c => c.Length is 4 or 6).Concat(codes.Where(c => c.Length == 9).Take(50)).ToList();

        foreach (var code in parents)
        {
            var under = connection.Query<string>($"SELECT code FROM regions WHERE {RegionCodes.Under("code")} ORDER BY code",
                RegionCodes.Parameters(code)).ToList();
            Assert.Equal(codes.Where(c => c.StartsWith(code, StringComparison.Ordinal)).Order(StringComparer.Ordinal), under);
        }
    }

    [SkippableFact]
    public void Keyset_pages_over_text_keys_give_every_row_once_in_code_point_order()
    {
        using var connection = Db.Open();
        var all = connection.Query<string>("SELECT code FROM projects").Order(StringComparer.Ordinal).ToList();
        var paged = new List<string>();
        var after = "";
        while (true)
        {
            var page = connection.Query<string>("SELECT code FROM projects WHERE code > @after ORDER BY code" + Db.Dialect.Limit("@take"),
                new { after, take = 7 }).ToList();
            if (page.Count == 0)
            {
                break;
            }

            paged.AddRange(page);
            after = page[^1];
        }

        Assert.True(all.Count > 50, $"{all.Count} projects");
        Assert.Equal(all, paged);
    }

    [SkippableFact]
    public void Text_keys_order_by_code_point()
    {
        using var connection = Db.Open();
        var documents = connection.Query<string>("SELECT id FROM documents ORDER BY id").ToList();
        var tables = connection.Query<string>("SELECT DISTINCT source_table FROM projects ORDER BY source_table").ToList();

        Assert.Equal(documents.Order(StringComparer.Ordinal), documents);
        Assert.Equal(tables.Order(StringComparer.Ordinal), tables);
    }

    [SkippableFact]
    public void Codes_match_exactly_not_ignoring_case_or_width()
    {
        using var connection = Db.Open();
        var code = connection.QueryFirst<string>("SELECT code FROM projects WHERE code LIKE '%B%' ORDER BY code");

        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM projects WHERE code = @code", new { code }));
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM projects WHERE code = @code", new { code = code.ToLowerInvariant() }));
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM projects WHERE code = @code", new { code = code.Replace("B", "Ｂ", StringComparison.Ordinal) }));
    }
}

public sealed class SameResultsOnSqlite : SameResultsTests
{
    static readonly Db Seeded = TestDatabase.SeededSqlite();
    protected override Db? Database => Seeded;
}

public sealed class SameResultsOnSqlServer(FreshSqlServer server) : SameResultsTests, IClassFixture<FreshSqlServer>
{
    protected override Db? Database => server.Database?.Db;
}
