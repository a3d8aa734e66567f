using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LinkagePortal.Api;

/// <summary>Field values in JSON: text intact (Chinese unescaped), amounts as exact decimals, dates ISO 8601.</summary>
public static class JsonFormat
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteObject(Utf8JsonWriter writer, object source, IReadOnlyList<ApiField> fields)
    {
        writer.WriteStartObject();
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (!field.InJson)
            {
                continue;
            }

            writer.WritePropertyName(field.JsonName);
            WriteValue(writer, field, field.Read(source));
        }

        writer.WriteEndObject();
    }

    static void WriteValue(Utf8JsonWriter writer, ApiField field, object? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        switch (field.Type)
        {
            case FieldType.Integer:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case FieldType.Decimal:
                writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            case FieldType.List:
                writer.WriteStartArray();
                foreach (var item in (IEnumerable<string>)value)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            case FieldType.ObjectList:
                writer.WriteStartArray();
                foreach (var item in (IEnumerable)value)
                {
                    WriteObject(writer, item, field.SubFields);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Scalar(field.Type, value));
                break;
        }
    }

    /// <summary>A scalar as text, the same in JSON strings and CSV cells.</summary>
    public static string Scalar(FieldType type, object value) => (type, value) switch
    {
        (FieldType.Date, DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (FieldType.DateTime, DateTime t) => Dates.ToBeijing(t).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture),
        (FieldType.Decimal, _) => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        (FieldType.List, IEnumerable<string> list) => string.Join(';', list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>
/// CSV as RFC 4180 (CRLF between records, fields quoted when they hold a comma, quote or line break) with two
/// protections for spreadsheet users: text that a spreadsheet would run as a formula gets a leading apostrophe, and
/// (on request) codes are written as ="…" so that Excel keeps them as text.
/// </summary>
public static class CsvFormat
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string LineEnd = "\r\n";

    static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static IReadOnlyList<ApiField> Columns(IEnumerable<ApiField> fields) => fields.Where(f => f.InCsv).ToList();

    public static void AppendHeader(StringBuilder line, IReadOnlyList<ApiField> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            line.Append(i == 0 ? "" : ",").Append(columns[i].Name);
        }

        line.Append(LineEnd);
    }

    public static void AppendRow(StringBuilder line, object row, IReadOnlyList<ApiField> columns, bool excelCodes)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var field = columns[i];
            var value = field.Read(row);
            if (value is null)
            {
                continue;
            }

            var text = JsonFormat.Scalar(field.Type, value);
            if (field.Type is FieldType.Integer or FieldType.Decimal)
            {
                line.Append(text);
            }
            else if (excelCodes && KeptAsText(field, text))
            {
                line.Append("\"=\"\"").Append(text).Append("\"\"\"");
            }
            else
            {
                AppendText(line, Neutralise(text));
            }
        }

        line.Append(LineEnd);
    }

    /// <summary>
    /// With excel=true: a code, a list of codes, or any text a spreadsheet would turn into a number and so lose
    /// (a zero-padded "01", a long digit string). Only values of letters, digits, '-', ';' and '.' are wrapped, so the
    /// formula ="…" can never run anything.
    /// </summary>
    static bool KeptAsText(ApiField field, string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ';' or '.')
        && (field.KeptAsTextInExcel || LooksLikeANumberItIsNot(text));

    static bool LooksLikeANumberItIsNot(string text) =>
        text.All(char.IsAsciiDigit) && (text.Length > 1 && text[0] == '0' || text.Length > 11);

    /// <summary>A text that starts with = + - @ tab or CR is prefixed with an apostrophe so that it stays text.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    static void AppendText(StringBuilder line, string text)
    {
        if (text.IndexOfAny(NeedsQuotes) < 0)
        {
            line.Append(text);
            return;
        }

        line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
