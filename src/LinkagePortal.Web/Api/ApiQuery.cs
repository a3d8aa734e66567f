using System.Globalization;

namespace LinkagePortal.Api;

/// <summary>
/// The validated query string of one request: every parameter is checked against the endpoint's
/// <see cref="ApiOperation"/> before any SQL runs. Unknown, repeated or malformed parameters are collected with a
/// reason each, and the request is answered 400 with all of them.
/// </summary>
public sealed class ApiQuery
{
    readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    ApiQuery(ApiOperation operation) => Operation = operation;

    public ApiOperation Operation { get; }
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);
    public bool IsValid => Errors.Count == 0;

    public static ApiQuery Parse(HttpContext context)
    {
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<ApiOperation>()
            ?? throw new InvalidOperationException($"{context.Request.Path} has no ApiOperation metadata");
        var query = new ApiQuery(operation);
        foreach (var (name, given) in context.Request.Query)
        {
            if (IsIgnored(name))
            {
                continue;
            }

            var param = operation.Query.FirstOrDefault(p => p.Name == name);
            if (param is null)
            {
                var known = operation.Query.Count == 0 ? "此地址不接受任何参数" : "可用参数：" + string.Join("、", operation.Query.Select(p => p.Name));
                query.Fail(name, $"未知参数。{known}。");
            }
            else if (given.Count != 1)
            {
                query.Fail(name, "参数只能给一次。");
            }
            else
            {
                query.Check(param, given[0] ?? "");
            }
        }

        foreach (var missing in operation.Query.Where(p => p.Required && !context.Request.Query.ContainsKey(p.Name)))
        {
            query.Fail(missing.Name, "缺少这个参数：必须给出。");
        }

        return query;
    }

    /// <summary>
    /// Parameters that are not the API's but that links and clients add: campaign tracking (utm_*, spm, from) and
    /// jQuery's and other clients' cache-buster (_). They are ignored, and so are not part of a cursor or a cache key;
    /// any other unknown parameter is a 400, since it is most likely a misspelt one.
    /// </summary>
    public static readonly string[] IgnoredParameters = ["utm_*", "_", "spm", "from"];

    public static bool IsIgnored(string name) =>
        name is "_" or "spm" or "from" || name.StartsWith("utm_", StringComparison.Ordinal);

    public void Fail(string name, string reason) => Errors[Truncate(name)] = [reason];

    public string? Text(string name) => values.GetValueOrDefault(name);

    public long? Integer(string name) =>
        values.TryGetValue(name, out var v) ? long.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    /// <summary>The start of the given Beijing day as UTC (the moment the stored times are compared with).</summary>
    public DateTime? BeijingDayStart(string name) => values.TryGetValue(name, out var v)
        ? DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue).AddHours(-8)
        : null;

    /// <summary>
    /// publishedFrom / publishedTo (whole Beijing days, both included) on the list's publication time column.
    /// </summary>
    public void FilterPublished(SqlFilter filter, string column)
    {
        if (BeijingDayStart("publishedFrom") is { } from)
        {
            filter.And($"{column} >= @publishedFrom", new { publishedFrom = from });
        }

        if (BeijingDayStart("publishedTo") is { } to)
        {
            filter.And($"{column} < @publishedBefore", new { publishedBefore = to.AddDays(1) });
        }
    }

    public bool Boolean(string name)
    {
        var text = values.GetValueOrDefault(name) ?? Operation.Query.First(p => p.Name == name).Default;
        return text == "true";
    }

    public string Enum(string name) => values.GetValueOrDefault(name) ?? Operation.Query.First(p => p.Name == name).Default!;

    /// <summary>The filter parameters as given, in a fixed order: what a cursor is bound to.</summary>
    public string Fingerprint() => string.Join('&', values
        .Where(v => v.Key is not ("limit" or "cursor" or "include_total" or "bom" or "excel"))
        .OrderBy(v => v.Key, StringComparer.Ordinal)
        .Select(v => v.Key + "=" + v.Value));

    void Check(ApiParam param, string value)
    {
        if (value.Length == 0)
        {
            Fail(param.Name, "参数为空：请给出一个值，或去掉这个参数。");
            return;
        }

        if (value.Length > param.MaxLength)
        {
            Fail(param.Name, $"太长：最多 {param.MaxLength} 个字符。");
            return;
        }

        if (value.Any(char.IsControl))
        {
            Fail(param.Name, "含有控制字符。");
            return;
        }

        var error = param.Kind switch
        {
            ParamKind.Integer or ParamKind.Limit => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= param.Min && n <= param.Max
                ? null
                : $"'{Truncate(value)}' 不是 {param.Min} 到 {param.Max} 之间的整数。",
            ParamKind.Code => value.All(char.IsAsciiDigit) && value.Length is 2 or 4 or 6 or 9 or 12
                ? null
                : $"'{Truncate(value)}' 不是区划代码：应为 2、4、6、9 或 12 位数字（如 654202）。",
            ParamKind.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : $"'{Truncate(value)}' 不是日期：应为 YYYY-MM-DD（如 2024-01-31）。",
            ParamKind.Enum or ParamKind.Boolean => param.Values.Contains(value, StringComparer.Ordinal)
                ? null
                : $"'{Truncate(value)}' 不是可用的值：{string.Join("、", param.Values)}。",
            _ => null,
        };
        if (error is null)
        {
            values[param.Name] = value;
        }
        else
        {
            Fail(param.Name, error);
        }
    }

    static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
