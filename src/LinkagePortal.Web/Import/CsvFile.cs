using System.Text;

namespace LinkagePortal.Import;

/// <summary>
/// A strict RFC 4180 reader: records with the physical line each starts on, so that errors can name it.
/// Quoted fields may hold commas, quotes ("") and line breaks; a quote inside an unquoted field, text after a
/// closing quote, or an unclosed quote is malformed.
/// </summary>
public static class CsvFile
{
    public sealed record Row(int Line, string[] Fields);

    public static IEnumerable<Row> Read(TextReader reader, Action<int, string> malformed)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var inQuotes = false;
        var afterQuote = false;
        var rowHasContent = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    rowHasContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (rowHasContent || field.Length > 0 || fields.Count > 0 || afterQuote)
                    {
                        fields.Add(field.ToString());
                        yield return new Row(rowLine, [.. fields]);
                    }

                    fields.Clear();
                    field.Clear();
                    afterQuote = false;
                    rowHasContent = false;
                    line++;
                    rowLine = line;
                    break;
                case '"' when field.Length == 0 && !afterQuote:
                    inQuotes = true;
                    rowHasContent = true;
                    break;
                default:
                    if (ch == '"' || afterQuote)
                    {
                        malformed(line, afterQuote ? "text follows a closing quote" : "a quote stands inside an unquoted field");
                    }

                    field.Append(ch);
                    rowHasContent = true;
                    break;
            }
        }

        if (inQuotes)
        {
            malformed(rowLine, "a quoted field is not closed before the end of the file");
        }
        else if (rowHasContent || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new Row(rowLine, [.. fields]);
        }
    }
}
