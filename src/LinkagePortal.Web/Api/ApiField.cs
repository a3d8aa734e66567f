namespace LinkagePortal.Api;

/// <summary>How a field is typed in JSON, CSV, the data dictionary, datapackage.json and OpenAPI.</summary>
public enum FieldType
{
    /// <summary>Free text: neutralised in CSV if it starts like a formula.</summary>
    Text,
    /// <summary>An identifier or code: always text, never a number (654202, 654202-2024-001, xcz-2024-9).</summary>
    Code,
    /// <summary>One of a fixed list of values.</summary>
    Enum,
    Integer,
    /// <summary>An exact decimal (amounts in 万元); a number in JSON and CSV.</summary>
    Decimal,
    /// <summary>YYYY-MM-DD.</summary>
    Date,
    /// <summary>ISO 8601 in Beijing time with its offset, e.g. 2023-12-29T00:00:00+08:00.</summary>
    DateTime,
    /// <summary>A list of codes or names: a JSON array; in CSV one cell, joined with ';'.</summary>
    List,
    /// <summary>A list of objects (JSON only); CSV carries flat companion columns.</summary>
    ObjectList,
}

/// <summary>
/// One field of a dataset: its name (the same in JSON and CSV), type, meaning, and where it appears. Every writer
/// and every document (dictionary, datapackage.json, OpenAPI schema) is driven by these, so they cannot differ.
/// </summary>
public abstract record ApiField(string Name, FieldType Type, string Description)
{
    /// <summary>The field's value in a row (or, for a sub-field, in an item of its list).</summary>
    public abstract object? Read(object source);

    /// <summary>The name as JSON writes it, encoded once rather than for every row.</summary>
    public System.Text.Json.JsonEncodedText JsonName { get; } = System.Text.Json.JsonEncodedText.Encode(Name, JsonFormat.Options.Encoder);

    public bool InJson { get; init; } = true;
    public bool InCsv { get; init; } = true;
    public bool Nullable { get; init; }
    public string? Unit { get; init; }
    public string[] Values { get; init; } = [];

    /// <summary>What an empty value (JSON null, empty CSV cell) means, when it needs saying.</summary>
    public string? NullMeans { get; init; }

    public IReadOnlyList<ApiField> SubFields { get; init; } = [];

    /// <summary>
    /// What every non-empty value matches (an XML Schema / ECMAScript pattern, whole value): for a list, the joined
    /// CSV cell. Stated in datapackage.json and the OpenAPI schema.
    /// </summary>
    public string? Pattern { get; init; }

    /// <summary>A text or list field whose values are codes (document ids, budget subjects, "01" flags).</summary>
    public bool HoldsCodes { get; init; }

    /// <summary>Written as ="…" in a CSV asked for with excel=true, so that a spreadsheet keeps it as text.</summary>
    public bool KeptAsTextInExcel => Type == FieldType.Code || HoldsCodes;
}

/// <summary>The patterns of the codes the datasets share.</summary>
public static class CodePatterns
{
    /// <summary>A statistical region code: 2, 4, 6, 9 or 12 digits.</summary>
    public const string Region = "[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?";

    /// <summary>A county code: 6 digits.</summary>
    public const string County = "[0-9]{6}";

    /// <summary>A village code: 12 digits.</summary>
    public const string Village = "[0-9]{12}";

    /// <summary>A stable public identifier (document, project, announcement id): ASCII letters, digits and '-'.</summary>
    public const string Slug = "[A-Za-z0-9-]+";

    /// <summary>A list of <paramref name="item"/> joined with ';' (the CSV cell of a list field).</summary>
    public static string ListOf(string item) => $"({item})(;({item}))*";
}

/// <summary>A field with the code that reads it from a row (or from an item of an object list).</summary>
public sealed record ApiField<T>(string Name, FieldType Type, string Description, Func<T, object?> Get) : ApiField(Name, Type, Description)
{
    public override object? Read(object source) => Get((T)source);
}
