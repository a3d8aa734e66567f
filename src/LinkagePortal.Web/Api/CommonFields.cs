namespace LinkagePortal.Api;

/// <summary>
/// Fields that several datasets carry with one meaning, described once so the dictionary, datapackage.json and
/// OpenAPI say the same of them everywhere: a region named by its code and short name, a document by its id and number.
/// </summary>
public static class CommonFields
{
    /// <summary>
    /// <c>{prefix}Code</c> and <c>{prefix}Name</c>: the division's code (of any level, or as <paramref name="pattern"/>
    /// narrows it, e.g. <see cref="CodePatterns.County"/>) and its short name from the code table.
    /// </summary>
    public static ApiField<T>[] Region<T>(string prefix, string codeDescription, Func<T, string> code, Func<T, string> name, string pattern = CodePatterns.Region) =>
    [
        new(prefix + "Code", FieldType.Code, codeDescription, code) { Pattern = pattern },
        new(prefix + "Name", FieldType.Text, "区划通用简称（以区划代码表为准）。", name),
    ];

    /// <summary>
    /// <c>{prefix}Id</c> and <c>{prefix}Number</c>: the document <paramref name="whose"/> (…的) by its id in documents and
    /// its 发文字号, null for a document without one. <paramref name="idNullMeans"/> says when there may be no document.
    /// </summary>
    public static ApiField<T>[] Document<T>(string prefix, string whose, Func<T, string?> id, Func<T, string?> number, string? idNullMeans = null) =>
    [
        new(prefix + "Id", FieldType.Code, $"{whose}文件的 id（见 documents）。", id) { Nullable = idNullMeans is not null, NullMeans = idNullMeans, Pattern = CodePatterns.Slug },
        new(prefix + "Number", FieldType.Text, $"{whose}文件的发文字号。", number) { Nullable = true, NullMeans = "文件没有文号" },
    ];
}
