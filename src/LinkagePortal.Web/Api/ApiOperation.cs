namespace LinkagePortal.Api;

public enum ParamKind { Text, Integer, Code, Enum, Boolean, Limit, Cursor, Date }

/// <summary>How many rows a page of a list holds: the <see cref="ApiParam.Limit"/> parameter's default and maximum.</summary>
public static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

/// <summary>
/// One query parameter an endpoint accepts. The same record validates requests (an unknown or malformed parameter is
/// a 400 naming it) and describes the parameter in the OpenAPI document, so the two cannot disagree.
/// </summary>
public sealed record ApiParam(string Name, ParamKind Kind, string Description)
{
    public string[] Values { get; init; } = [];
    public string? Default { get; init; }
    public int MaxLength { get; init; } = 100;
    public int MinLength { get; init; } = 1;

    /// <summary>What a text value must match (ECMAScript): by default any text without control characters, as checked.</summary>
    public string Pattern { get; init; } = NoControlCharacters;

    public const string NoControlCharacters = "^[^\\x00-\\x1F\\x7F-\\x9F]+$";
    public long Min { get; init; } = 1990;
    public long Max { get; init; } = 2100;

    /// <summary>True when the endpoint cannot answer without it (the hotline lookup's q).</summary>
    public bool Required { get; init; }

    /// <summary>A value the seed data accepts (the OpenAPI example; the tests request it and expect a 200).</summary>
    public required string Example { get; init; }

    public static readonly ApiParam Limit = new("limit", ParamKind.Limit, $"每页条数，1–{Paging.MaxLimit}，默认 {Paging.DefaultLimit}。")
    {
        Default = Paging.DefaultLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Min = 1,
        Max = Paging.MaxLimit,
        Example = "2",
    };

    public static readonly ApiParam Cursor = new("cursor", ParamKind.Cursor,
        "翻页游标：照抄上一页 next 地址（或 Link 头）里的值，不要自己拼写。游标只对同一组筛选条件有效。")
    {
        MaxLength = 2000,
        Example = "",
    };

    public static readonly ApiParam PublishedFrom = new("publishedFrom", ParamKind.Date,
        "只列公开时间（北京时间）在这一天或之后的记录，YYYY-MM-DD。公开时间未说明（publishedAt 为 null）的记录不在其中。")
    {
        Example = "2023-12-29",
    };

    public static readonly ApiParam PublishedTo = new("publishedTo", ParamKind.Date,
        "只列公开时间（北京时间）在这一天或之前的记录，YYYY-MM-DD。公开时间未说明（publishedAt 为 null）的记录不在其中。")
    {
        Example = "2030-12-31",
    };

    public static readonly ApiParam IncludeTotal = Switch("include_total", byDefault: true,
        "true（默认）在响应的 total 中给出匹配的总条数；false 不数总数（total 为 null），每页只读本页的行，翻页抓取全部数据时更快。");

    public static readonly ApiParam Bom = Switch("bom", byDefault: true,
        "true（默认）在文件开头写 UTF-8 字节顺序标记（BOM），让 Excel 正确显示中文；false 不写。");

    public static readonly ApiParam Excel = Switch("excel", byDefault: false,
        "true 时把编码列写成 =\"654202\"，Excel 双击打开也按文本保留编码；默认 false（纯文本编码，适合 R、Python 等工具）。");

    /// <summary>A true/false parameter: its default, and the other value as the example.</summary>
    static ApiParam Switch(string name, bool byDefault, string description) => new(name, ParamKind.Boolean, description)
    {
        Values = ["true", "false"],
        Default = byDefault ? "true" : "false",
        Example = byDefault ? "false" : "true",
    };
}

public enum ResponseShape { List, Item, Csv, Ndjson, Document, Write }

/// <summary>
/// What an /api/v1 endpoint does, attached to the endpoint as metadata. The OpenAPI document is built from the
/// endpoints the app really maps, reading this for each; a test requires it on every /api/v1 endpoint.
/// </summary>
public sealed record ApiOperation(string Summary, string Description, ResponseShape Shape, IReadOnlyList<ApiParam> Query)
{
    /// <summary>The dataset whose fields describe the response (items of a list, the item, or the CSV columns).</summary>
    public string? Dataset { get; init; }

    /// <summary>The fields of <see cref="Dataset"/>'s rows, which the response schema is built from.</summary>
    public IReadOnlyList<ApiField> Fields { get; init; } = [];

    /// <summary>A write (POST) that needs an organisation's API key: its body's type and the answers it gives.</summary>
    public Type? Body { get; init; }

    /// <summary>The record a write answers with (201/200), or null when it has no typed body.</summary>
    public Type? Answer { get; init; }

    /// <summary>The refusals (status, meaning) an endpoint gives besides the common ones (400, 404, 429, 503).</summary>
    public IReadOnlyList<(int Status, string Meaning)> Refusals { get; init; } = [];

    /// <summary>A read that answers only an organisation's key (a publisher's draft): documented with the key schemes.</summary>
    public bool NeedsKey { get; init; }

    /// <summary>The document's tag for the operation; by default open-data for reads and complaints for writes.</summary>
    public string? Tag { get; init; }

    /// <summary>Route parameter ({id}, {code}) with its description and an example that exists in the seed data.</summary>
    public (string Name, string Description, string Example)? PathParameter { get; init; }
}
