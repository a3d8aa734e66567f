using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.OpenData;

/// <summary>
/// A property-based run against the generated OpenAPI document, as Schemathesis does: requests are generated from each
/// operation's parameter schemas (seeded, so a failure repeats), and every answer must have a documented status and
/// content type and match the documented schema. A valid request must not be refused. Parameters that name a record
/// (a region, document or project) are valid when the record exists: they are drawn from the public data, and a
/// well-formed name of no record must get a documented 4xx problem.
/// </summary>
public class PropertyBasedApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    const int Seed = 20261202;
    const int RequestsPerOperation = 20;

    // Text without control characters: CJK, ASCII letters and punctuation (URL-significant ones too), spaces, an emoji.
    const string Alphabet = "乌苏市温室项目村镇科克萨拉 abcXYZ019-_.~%&+=#?/;,'\"<>()[]{}\\|!@$^*`　😀";

    static readonly string[] ReferenceParameters = ["region", "parent", "county", "document", "project"];

    readonly HttpClient client = portal.CreateClient();

    [SkippableFact]
    public async Task Requests_generated_from_the_document_get_documented_answers_and_no_valid_request_is_refused()
    {
        var document = await client.GetJsonAsync("/api/v1/openapi.json");
        var pools = await PoolsAsync();
        var random = new Random(Seed);
        var failures = new List<string>();
        var sent = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            // Operations that answer only an organisation's key (a publisher's draft) are tested with keys in their area.
            if (!path.Value.TryGetProperty("get", out var operation) || path.Name.EndsWith("/openapi.json", StringComparison.Ordinal)
                || operation.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.EnumerateObject().Any()))
            {
                continue;
            }

            var parameters = operation.TryGetProperty("parameters", out var listed) ? listed.EnumerateArray().ToList() : [];
            for (var i = 0; i < RequestsPerOperation; i++)
            {
                var url = Url(path.Name, parameters, pools, random, unknownReference: false);
                sent++;
                var next = await CheckAsync(document, operation, url, expectSuccess: true, failures);
                if (next is not null)
                {
                    sent++;
                    await CheckAsync(document, operation, new Uri(next).PathAndQuery, expectSuccess: true, failures);
                }
            }

            if (parameters.Any(p => ReferenceParameters.Contains(p.Text("name")) || p.Text("in") == "path"))
            {
                sent++;
                await CheckAsync(document, operation, Url(path.Name, parameters, pools, random, unknownReference: true), expectSuccess: false, failures);
            }
        }

        Assert.True(sent > 500, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests disagreed with the document:\n" + string.Join("\n", failures.Take(20)));
    }

    async Task<Dictionary<string, string[]>> PoolsAsync()
    {
        async Task<string[]> Column(string csv, string column) => (await client.GetCsvAsync(csv)).Records.Rows().Select(r => r[column]).ToArray();
        var projects = await Column("/api/v1/projects.csv?programme=all", "code");
        return new Dictionary<string, string[]>
        {
            ["region"] = await Column("/api/v1/regions.csv", "code"),
            ["document"] = await Column("/api/v1/documents.csv", "id"),
            ["project"] = projects,
            ["announcement"] = await Column("/api/v1/announcements.csv", "id"),
            ["contact"] = await Column("/api/v1/contacts.csv", "regionCode"),
        };
    }

    /// <summary>The pool a parameter's valid values come from (by its name and, for {id}, the path it is in).</summary>
    static string? PoolOf(string name, string path) => name switch
    {
        "region" or "parent" or "county" or "code" => "region",
        "document" => "document",
        "project" => "project",
        "id" when path.StartsWith("/api/v1/documents", StringComparison.Ordinal) => "document",
        "id" when path.StartsWith("/api/v1/projects", StringComparison.Ordinal) => "project",
        "id" when path.StartsWith("/api/v1/announcements", StringComparison.Ordinal) => "announcement",
        "id" when path.StartsWith("/api/v1/contacts", StringComparison.Ordinal) => "contact",
        _ => null,
    };

    static string Url(string path, List<JsonElement> parameters, Dictionary<string, string[]> pools, Random random, bool unknownReference)
    {
        var query = new List<string>();
        var spoiled = false;
        foreach (var parameter in parameters)
        {
            var name = parameter.Text("name");
            var location = parameter.Text("in");
            var required = location == "path" || parameter.TryGetProperty("required", out var r) && r.GetBoolean();
            var pool = PoolOf(name, path);
            if (name == "cursor" || !required && !(unknownReference && pool is not null && !spoiled) && random.Next(2) == 0)
            {
                continue;
            }

            string value;
            if (pool is not null && unknownReference && !spoiled)
            {
                value = pool == "region" ? "659999999999" : "no-such-" + pool;
                spoiled = true;
            }
            else
            {
                value = pool is not null ? Pick(pools[pool], parameter.GetProperty("schema"), random)
                    : FromSchema(parameter.GetProperty("schema"), random) ?? parameter.GetProperty("example").GetString()!;
            }

            if (location == "path")
            {
                path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        return path + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    /// <summary>An existing record's name that the parameter's pattern allows (the complaint ranking takes counties and above).</summary>
    static string Pick(string[] pool, JsonElement schema, Random random)
    {
        var allowed = schema.TryGetProperty("pattern", out var pattern) ? pool.Where(v => Regex.IsMatch(v, pattern.GetString()!)).ToArray() : pool;
        return allowed[random.Next(allowed.Length)];
    }

    static string? FromSchema(JsonElement schema, Random random)
    {
        if (schema.TryGetProperty("enum", out var values))
        {
            var all = values.EnumerateArray().Select(v => v.GetString()!).ToArray();
            return all[random.Next(all.Length)];
        }

        if (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "integer")
        {
            var min = schema.TryGetProperty("minimum", out var lo) ? lo.GetInt64() : 0;
            var max = schema.TryGetProperty("maximum", out var hi) ? hi.GetInt64() : 1000;
            var pick = random.Next(4) switch { 0 => min, 1 => max, _ => min + (long)(random.NextDouble() * (max - min)) };
            return pick.ToString(CultureInfo.InvariantCulture);
        }

        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date")
        {
            return new DateOnly(2020, 1, 1).AddDays(random.Next(365 * 10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var minLength = schema.TryGetProperty("minLength", out var minL) ? minL.GetInt32() : 1;
        var maxLength = Math.Min(schema.TryGetProperty("maxLength", out var maxL) ? maxL.GetInt32() : 20, 20);
        var pattern = schema.TryGetProperty("pattern", out var p) ? new Regex(p.GetString()!) : null;
        if (minLength > maxLength)
        {
            return null;
        }

        for (var attempt = 0; ; attempt++)
        {
            var text = new StringBuilder();
            var length = random.Next(minLength, maxLength + 1);
            while (new StringInfo(text.ToString()).LengthInTextElements < length)
            {
                var at = random.Next(Alphabet.Length);
                text.Append(char.IsHighSurrogate(Alphabet[at]) ? Alphabet.Substring(at, 2) : char.IsLowSurrogate(Alphabet[at]) ? "x" : Alphabet[at].ToString());
            }

            if (pattern is null || pattern.IsMatch(text.ToString()))
            {
                return text.ToString();
            }

            if (attempt > 100)
            {
                // A pattern random text does not meet (a feed position): the caller uses the parameter's example.
                return null;
            }
        }
    }

    async Task<string?> CheckAsync(JsonElement document, JsonElement operation, string url, bool expectSuccess, List<string> failures)
    {
        using var response = await client.GetAsync(url);
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (expectSuccess && response.StatusCode != HttpStatusCode.OK)
        {
            failures.Add($"GET {url}: a valid request was refused with {status}: {body[..Math.Min(body.Length, 200)]}");
            return null;
        }

        // An unknown record in the path is a 404; as a filter, a 400 naming it or an empty result.
        if (!expectSuccess && response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.OK))
        {
            failures.Add($"GET {url}: an unknown record gave {status}");
            return null;
        }

        if (!operation.GetProperty("responses").TryGetProperty(status, out var documented))
        {
            failures.Add($"GET {url}: status {status} is not documented");
            return null;
        }

        if (!documented.TryGetProperty("content", out var content) || !content.TryGetProperty(mediaType, out var media))
        {
            failures.Add($"GET {url}: {status} came as {mediaType}, which the document does not list");
            return null;
        }

        if (mediaType == "application/x-ndjson")
        {
            var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var (line, i) in lines.Select((l, i) => (l, i)))
            {
                foreach (var error in SchemaCheck.Errors(document, media.GetProperty("schema"), JsonDocument.Parse(line).RootElement, $"line {i + 1}"))
                {
                    failures.Add($"GET {url}: {error}");
                }
            }
        }
        else if (mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            var json = JsonDocument.Parse(body).RootElement;
            foreach (var error in SchemaCheck.Errors(document, media.GetProperty("schema"), json, "$"))
            {
                failures.Add($"GET {url}: {error}");
            }

            if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String)
            {
                return next.GetString();
            }
        }

        return null;
    }
}

/// <summary>
/// The part of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that the portal's document uses: type (with null), enum,
/// pattern, format date / date-time / uri, minimum, properties, required, items, additionalProperties, oneOf and local
/// $ref. No validator is among the test project's packages; this one checks only what the document states.
/// </summary>
public static class SchemaCheck
{
    public static IEnumerable<string> Errors(JsonElement document, JsonElement schema, JsonElement value, string at)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part);
            }

            foreach (var error in Errors(document, target, value, at))
            {
                yield return error;
            }

            yield break;
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var matching = oneOf.EnumerateArray().Count(s => !Errors(document, s, value, at).Any());
            if (matching != 1)
            {
                yield return $"{at} matches {matching} of the oneOf schemas";
            }

            yield break;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
            if (!types.Any(t => Is(t, value)))
            {
                yield return $"{at} is {value.ValueKind}, not {string.Join(" or ", types)}";
                yield break;
            }
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.ToString() == value.ToString() && v.ValueKind == value.ValueKind))
        {
            yield return $"{at} = {value} is not one of the enum";
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!))
            {
                yield return $"{at} = {text} does not match {pattern}";
            }

            if (schema.TryGetProperty("format", out var format) && !Formatted(format.GetString()!, text))
            {
                yield return $"{at} = {text} is not a {format}";
            }
        }

        if (value.ValueKind == JsonValueKind.Number && schema.TryGetProperty("minimum", out var minimum) && value.GetDecimal() < minimum.GetDecimal())
        {
            yield return $"{at} = {value} is below {minimum}";
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(n => n.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                {
                    yield return $"{at} lacks {name}";
                }
            }

            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var property in value.EnumerateObject())
            {
                var sub = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var s) ? s
                    : schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object ? additional
                    : default;
                if (sub.ValueKind == JsonValueKind.Object)
                {
                    foreach (var error in Errors(document, sub, property.Value, at + "." + property.Name))
                    {
                        yield return error;
                    }
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                foreach (var error in Errors(document, items, item, $"{at}[{i++}]"))
                {
                    yield return error;
                }
            }
        }
    }

    static bool Is(string type, JsonElement value) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => false,
    };

    static bool Formatted(string format, string text) => format switch
    {
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date-time" => DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
        _ => true,
    };
}
