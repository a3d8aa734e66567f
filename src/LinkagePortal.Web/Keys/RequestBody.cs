using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace LinkagePortal.Keys;

/// <summary>
/// Reads a JSON request body field by field, so that every refusal names the field and says why (the framework's
/// own binding answers a malformed body with a bare 400). Unknown fields are refused too: a client must not be able
/// to slip a caller's name or number in under another field name, and so is a field given twice (which of the two
/// would count is up to each parser). Before any of that: the body must be declared <c>application/json</c> (415),
/// at most <see cref="MaxBytes"/> bytes (413), arrive within <see cref="ReadTimeout"/> (408; Kestrel's minimum data
/// rate also cuts off a trickle) and be valid UTF-8 (400).
/// </summary>
public sealed class RequestBody
{
    public const int MaxBytes = 16 * 1024;

    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The earliest time a complaint can have been received: the linkage funds' hotlines did not exist before.</summary>
    public static readonly DateTime EarliestPlausible = new(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    readonly JsonElement root;
    readonly HashSet<string> known = new(StringComparer.Ordinal);

    RequestBody(JsonElement root) => this.root = root;

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The whole object, for a body with nested items (each field still named in errors by its path).</summary>
    public JsonElement Root => root;

    /// <summary>The body as a JSON object, or the 400/408/413/415 problem to answer with.</summary>
    public static Task<(RequestBody? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        ReadAsync(request, ReadTimeout, cancellationToken);

    /// <summary>As <see cref="ReadAsync(HttpRequest, CancellationToken)"/>, with the time the whole body may take.</summary>
    public static Task<(RequestBody? Body, IResult? Problem)> ReadAsync(HttpRequest request, TimeSpan readTimeout, CancellationToken cancellationToken = default) =>
        ReadAsync(request, readTimeout, MaxBytes, cancellationToken);

    /// <summary>As <see cref="ReadAsync(HttpRequest, CancellationToken)"/>, for a body of at most <paramref name="maxBytes"/>.</summary>
    public static async Task<(RequestBody? Body, IResult? Problem)> ReadAsync(HttpRequest request, TimeSpan readTimeout, int maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Results.Problem(title: "不支持的请求体类型", detail: "Content-Type: 请求体必须是 JSON，并声明 Content-Type: application/json（UTF-8）。",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // Read at most one byte past the limit, whatever Content-Length says (or does not say, when chunked).
        using var buffer = new MemoryStream();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(readTimeout);
        try
        {
            var chunk = new byte[4096];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, deadline.Token)) > 0 && buffer.Length <= maxBytes)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, TooSlow(readTimeout));
        }
        catch (BadHttpRequestException e)
        {
            return (null, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(maxBytes) : TooSlow(readTimeout));
        }

        if (buffer.Length > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        try
        {
            StrictUtf8.GetCharCount(bytes.Span);
        }
        catch (DecoderFallbackException)
        {
            return (null, Invalid("body", "请求体不是有效的 UTF-8 文字。"));
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Invalid("body", "请求体必须是一个 JSON 对象，例如 {\"projectId\": 10, …}。"));
            }

            return (new RequestBody(document.RootElement.Clone()), null);
        }
        catch (JsonException e)
        {
            if (DuplicateField(bytes.Span) is { } duplicate)
            {
                return (null, Invalid(duplicate, "这个字段出现了不止一次：每个字段只能给出一次。"));
            }

            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return (null, Invalid(field, $"请求体不是有效的 JSON（第 {e.LineNumber + 1} 行附近）。"));
        }
    }

    /// <summary>The first field of the top-level object given twice (the parser refuses it without naming it).</summary>
    static string? DuplicateField(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && !seen.Add(reader.GetString()!))
                {
                    return reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Malformed before any field was repeated: the caller reports where.
        }

        return null;
    }

    static IResult TooLarge(int maxBytes) =>
        Results.Problem(title: "请求体过大", detail: $"body: 请求体最多 {maxBytes} 字节。", statusCode: StatusCodes.Status413PayloadTooLarge);

    static IResult TooSlow(TimeSpan readTimeout) => Results.Problem(title: "请求体传送超时",
        detail: $"body: 请求体没有在 {readTimeout.TotalSeconds:0.#} 秒内传完。", statusCode: StatusCodes.Status408RequestTimeout);

    /// <summary>A 400 application/problem+json naming one field.</summary>
    public static IResult Invalid(string field, string message) => Problem(new Dictionary<string, string[]> { [field] = [message] });

    public IResult Problem() => Problem(Errors);

    public static IResult Problem(Dictionary<string, string[]> errors) => Results.ValidationProblem(
        errors,
        title: "请求内容有误",
        detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    void Refuse(string field, string message) => Errors.TryAdd(field, [message]);

    JsonElement? Field(string name, bool required)
    {
        known.Add(name);
        if (root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Refuse(name, "必填。");
        }

        return null;
    }

    /// <summary>A required positive whole number.</summary>
    public long Id(string name)
    {
        if (Field(name, required: true) is not { } value)
        {
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var id) || id <= 0)
        {
            Refuse(name, "必须是正整数（项目页地址 /projects/{id} 中的 id）。");
            return 0;
        }

        return id;
    }

    /// <summary>A required text of at most <paramref name="maxLength"/> characters, refused if it looks like personal data.</summary>
    public string Text(string name, string label, int maxLength)
    {
        if (Field(name, required: true) is not { } value)
        {
            return "";
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Refuse(name, "必须是文字（JSON 字符串）。");
            return "";
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            Refuse(name, "不能为空。");
        }
        else if (text.Length > maxLength)
        {
            Refuse(name, $"{label}最多 {maxLength} 个字，现有 {text.Length} 个。");
        }
        else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Refuse(name, $"{label}含有控制字符。");
        }
        else if (PersonalData.Problem(text) is { } personal)
        {
            Refuse(name, $"{label}{personal}。请删去来电人的个人信息后再提交：这里只记录与项目有关的事实，不记录来电人的姓名、电话或证件号码。");
        }

        return text;
    }

    /// <summary>A required value from a fixed list.</summary>
    public string OneOf(string name, IReadOnlyList<string> allowed)
    {
        if (Field(name, required: true) is not { } value)
        {
            return "";
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        if (!allowed.Contains(text))
        {
            Refuse(name, $"必须是 {string.Join("、", allowed)} 之一。");
        }

        return text;
    }

    /// <summary>A required time with its offset (ISO 8601, e.g. 2024-03-01T10:15:00+08:00), not in the future.</summary>
    public DateTime Time(string name, DateTime nowUtc, TimeSpan tolerance)
    {
        if (Field(name, required: true) is not { } value)
        {
            return default;
        }

        if (value.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParseExact(value.GetString(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || !HasOffset(value.GetString()!))
        {
            Refuse(name, "必须是带时区的 ISO 8601 时间，例如 2024-03-01T10:15:00+08:00。");
            return default;
        }

        if (time.UtcDateTime > nowUtc + tolerance)
        {
            Refuse(name, "不能晚于现在。");
        }
        else if (time.UtcDateTime < EarliestPlausible)
        {
            Refuse(name, $"不能早于 {EarliestPlausible:yyyy-MM-dd}：这不是一个可信的接收时间。");
        }

        return time.UtcDateTime;
    }

    static bool HasOffset(string text) => text.EndsWith('Z') || text.EndsWith('z') || text.Length > 6 && text[^6] is '+' or '-';

    /// <summary>Refuses every field the reader did not ask for.</summary>
    public void RefuseUnknownFields()
    {
        foreach (var property in root.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            Refuse(property.Name, $"未知字段。可用字段：{string.Join("、", known)}。");
        }
    }
}
