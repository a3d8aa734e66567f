using System.Net;
using System.Text;
using System.Text.Json;
using LinkagePortal.Api;
using LinkagePortal.OpenData;
using LinkagePortal.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.OpenData;

/// <summary>
/// Random and malformed query strings (seeded, so a failure repeats) at every /api/v1 endpoint: the answer is a
/// 200, a 400 problem naming a parameter, or a 404 problem — never a 500.
/// </summary>
public class RobustnessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    const int Seed = 20240126;
    const int QueriesPerEndpoint = 60;

    static readonly string[] Junk =
    [
        "", " ", "0", "-1", "65", "6542", "654202", "654202109", "654202109200", "6542021092001", "1e3", "2024.0", "99999999999999999999",
        "true", "false", "TRUE", "all", "linkage", "bond", "新财振〔2024〕9号", "科克萨拉村", "%", "_", "\\", "'", "\"", "' OR 1=1 --",
        "<script>alert(1)</script>", "=1+2", "\u0000", "\t", "\r\n", "😀", new string('x', 5000), "../../etc/passwd", "null", "[]", "{}",
        "cHJvamVjdHMKL2FwaS92MS9wcm9qZWN0cz8KaTEw.AAAAAAAAAAAAAAAA", "a.b", ".", "..", "%zz", "%E4%B8", "%%", "+", "&", "=",
    ];

    static readonly string[] MalformedQueries =
    [
        "?%", "?%zz=1", "?limit=%", "?region=%E4%B8", "?&&&", "?==", "?=1", "?limit", "?limit&limit", "?q=%00", "?cursor=%FF%FE",
        "?" + new string('a', 3000) + "=1", "?region=654202&region=654202", "?a[b]=1", "?limit=1;drop table projects",
    ];

    [SkippableFact]
    public async Task Random_and_malformed_query_strings_never_give_a_500()
    {
        var client = portal.CreateClient();
        var random = new Random(Seed);
        var endpoints = OpenApiDocument.ApiEndpoints(portal.Services.GetRequiredService<EndpointDataSource>()).ToList();
        Assert.True(endpoints.Count >= 19, $"only {endpoints.Count} /api/v1 endpoints found");
        var answers = new Dictionary<int, int>();
        foreach (var endpoint in endpoints)
        {
            var operation = endpoint.Metadata.GetMetadata<ApiOperation>()!;
            var names = operation.Query.Select(p => p.Name).Concat(["limit", "cursor", "bom", "excel", "region", "x", "Region", "q "]).Distinct().ToArray();
            var queries = Enumerable.Range(0, QueriesPerEndpoint).Select(_ => RandomQuery(random, names)).Concat(MalformedQueries);
            foreach (var query in queries)
            {
                var path = OpenApiDocument.Path(endpoint.RoutePattern);
                if (operation.PathParameter is { } p)
                {
                    // A NUL in the path is refused by the server (Kestrel) before the application, and by the test host with an exception.
                    var id = random.Next(3) == 0 ? p.Example : Uri.EscapeDataString(Pick(random, Junk).Replace("\0", "", StringComparison.Ordinal));
                    path = path.Replace("{" + p.Name + "}", id.Length == 0 ? "x" : id, StringComparison.Ordinal);
                }

                var status = await Send(client, path + query);
                answers[status] = answers.GetValueOrDefault(status) + 1;
            }
        }

        Assert.True(answers.GetValueOrDefault(200) > 100, "too few requests succeeded for the test to mean much");
        Assert.True(answers.GetValueOrDefault(400) > 100, "too few requests were refused for the test to mean much");
    }

    static async Task<int> Send(HttpClient client, string pathAndQuery)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost" + pathAndQuery)));
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is 200 or 400 or 404, $"GET {pathAndQuery[..Math.Min(pathAndQuery.Length, 300)]} gave {status}: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 300)])}");
        if (status != 200)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(status, problem.GetProperty("status").GetInt32());
            if (status == 400)
            {
                Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
            }
        }
        else if (response.Content.Headers.ContentType?.MediaType == "text/csv")
        {
            StrictCsv.Parse(Encoding.UTF8.GetString(body).TrimStart('\uFEFF'));
        }
        else if (response.Content.Headers.ContentType?.MediaType == "application/x-ndjson")
        {
            foreach (var line in Encoding.UTF8.GetString(body).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                JsonDocument.Parse(line).Dispose();
            }
        }
        else
        {
            JsonDocument.Parse(body).Dispose();
        }

        return status;
    }

    static string RandomQuery(Random random, string[] names)
    {
        var parts = new List<string>();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var name = Pick(random, names);
            var value = random.Next(4) switch
            {
                0 => Pick(random, Junk),
                1 => RandomText(random),
                2 => random.NextInt64(-10, 100_000_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => Pick(random, ["2", "100", "1000", "2024", "654202", "all", "false", "xcz-2024-9", "654202-2024-001"]),
            };
            parts.Add(random.Next(8) == 0 ? name + "=" + value.Replace("&", "", StringComparison.Ordinal).Replace("#", "", StringComparison.Ordinal)
                : Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    static string RandomText(Random random)
    {
        var length = random.Next(1, 30);
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(3) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0x4E00, 0x9FA5),
                _ => (char)random.Next(0x01, 0x2000),
            });
        }

        return text.ToString();
    }

    static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}

/// <summary>The same tests on a fresh SQL Server database (skipped, with the reason, when LINKAGE_SQLSERVER is not set).</summary>
public sealed class RobustnessTestsOnSqlServer(SqlServerPortal portal) : RobustnessTests(portal.OrSkip<SqlServerPortal>()), IClassFixture<SqlServerPortal>;
