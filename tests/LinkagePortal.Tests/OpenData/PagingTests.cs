using System.Net;
using System.Text.Json;

namespace LinkagePortal.Tests.OpenData;

/// <summary>Keyset paging: bounded pages, a Link header, and every row exactly once while rows are being added.</summary>
public class PagingTests(WritablePortal portal) : IClassFixture<WritablePortal>
{
    readonly HttpClient client = portal.CreateClient();

    [SkippableFact]
    public async Task Paging_visits_every_project_exactly_once_while_projects_are_inserted_between_pages()
    {
        var before = (await client.GetAllAsync("/api/v1/projects?programme=all&limit=1000")).Select(p => p.Text("id")).ToHashSet();
        var seen = new List<string>();
        var inserted = new List<string>();
        string? next = "/api/v1/projects?programme=all&limit=7";
        for (var page = 0; next is not null; page++)
        {
            var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var items = body.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 7);
            seen.AddRange(items.Select(i => i.Text("id")));
            next = body.GetProperty("next").GetString();
            Assert.Equal(next is null ? null : $"<{next}>; rel=\"next\"", response.Headers.TryGetValues("Link", out var link) ? link.Single() : null);

            var code = $"TEST-PAGING-{page:D2}";
            portal.AddProject(code, "翻页期间新增的项目 " + page);
            inserted.Add(code);
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), before);
        // Rows added while paging come after the cursor (keys only grow): each is seen once unless added after the last page.
        Assert.Equal(inserted.Take(inserted.Count - 1), seen.Where(s => s.StartsWith("TEST-PAGING-", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Paging_documents_on_a_text_key_is_stable_when_ids_are_inserted_before_and_after_the_cursor()
    {
        var before = (await client.GetAllAsync("/api/v1/documents")).Select(d => d.Text("id")).ToList();
        var seen = new List<string>();
        string? next = "/api/v1/documents?limit=3";
        for (var page = 0; next is not null; page++)
        {
            var body = await client.GetJsonAsync(next);
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.Text("id")));
            next = body.GetProperty("next").GetString();
            foreach (var id in new[] { $"aaa-test-{page}", $"zzz-test-{page}" })
            {
                portal.Execute("INSERT INTO documents (id, title, issuer, kind, source) VALUES (@id, '测试文件', '测试', 'rules', 'test')", new { id });
            }
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(before, seen.Where(s => !s.Contains("-test-", StringComparison.Ordinal)));
        Assert.DoesNotContain(seen, s => s.StartsWith("aaa-test-", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("limit=-5")]
    [InlineData("limit=ten")]
    [InlineData("limit=")]
    [InlineData("limit=99999999999999999999999")]
    public async Task A_page_size_out_of_range_is_a_400_naming_limit(string query)
    {
        var response = await client.GetAsync("/api/v1/regions?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [SkippableFact]
    public async Task A_prefecture_is_paged_across_its_counties_in_the_order_its_csv_lists_them()
    {
        // Projects of two of 塔城地区's counties, added in turn so that their ids alternate.
        for (var i = 0; i < 5; i++)
        {
            foreach (var county in new[] { "654201", "654202" })
            {
                portal.AddProject($"TEST-PREFECTURE-{county}-{i}", "地区翻页测试项目", county: county);
            }
        }

        var paged = new List<string>();
        for (string? next = "/api/v1/projects?region=6542&limit=3&include_total=false"; next is not null;)
        {
            var page = await client.GetJsonAsync(next);
            paged.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.Text("id")));
            next = page.GetProperty("next").GetString();
        }

        var (_, records) = await client.GetCsvAsync("/api/v1/projects.csv?region=6542");
        Assert.Equal(records.Rows().Select(r => r["id"]), paged);
        Assert.Equal(10, paged.Count(id => id.StartsWith("TEST-PREFECTURE-", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Pages_are_100_by_default_and_1000_at_most()
    {
        Assert.Equal(100, (await client.GetJsonAsync("/api/v1/regions")).GetProperty("items").GetArrayLength());
        var big = await client.GetJsonAsync("/api/v1/regions?limit=1000");
        Assert.Equal(1000, big.GetProperty("items").GetArrayLength());
        Assert.True(big.GetProperty("total").GetInt64() > 16000);
    }

    [SkippableFact]
    public async Task A_tampered_or_borrowed_cursor_is_a_400_naming_cursor()
    {
        var next = (await client.GetJsonAsync("/api/v1/regions?parent=654202&limit=2")).GetProperty("next").GetString()!;
        var cursor = Uri.UnescapeDataString(next[(next.IndexOf("cursor=", StringComparison.Ordinal) + 7)..]);
        var tampered = (cursor[0] == 'A' ? 'B' : 'A') + cursor[1..];

        foreach (var url in new[]
        {
            "/api/v1/regions?parent=654202&limit=2&cursor=" + Uri.EscapeDataString(tampered),
            "/api/v1/regions?parent=654202&limit=2&cursor=" + Uri.EscapeDataString(cursor[..^3]),
            "/api/v1/regions?parent=654202&limit=2&cursor=not-a-cursor",
            "/api/v1/regions?parent=6542&limit=2&cursor=" + Uri.EscapeDataString(cursor),
            "/api/v1/documents?cursor=" + Uri.EscapeDataString(cursor),
        })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _), url);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(next)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/regions?parent=654202&limit=5&cursor=" + Uri.EscapeDataString(cursor))).StatusCode);
    }
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class PagingTestsOnSqlServer(SqlServerWritablePortal portal) : PagingTests(portal.OrSkip<SqlServerWritablePortal>()), IClassFixture<SqlServerWritablePortal>;
