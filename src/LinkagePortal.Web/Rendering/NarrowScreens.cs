using System.Text;
using System.Text.RegularExpressions;

namespace LinkagePortal.Rendering;

/// <summary>
/// What a rendered page body needs to read well on a phone and in large type, added in one pass over the HTML so that
/// every page and partial gets it without each template repeating it:
/// <list type="bullet">
/// <item>every data cell of a table with a header row carries its column's header as <c>data-label</c>, which
/// site.css shows when narrow screens lay each row out as a labelled block;</item>
/// <item>document numbers (新财振〔2024〕9号), project codes, amounts with their unit, dates and telephone numbers in
/// text are wrapped in <c>&lt;span class="nowrap"&gt;</c>, so that a line never breaks inside one (CJK text may
/// otherwise break between any two characters, and hyphens and brackets are break opportunities).</item>
/// </list>
/// Written by hand: the input is the portal's own template output (every value HTML-encoded, so a <c>&lt;</c> or
/// <c>&gt;</c> only ever delimits a tag), and a scan of tags and text runs in a fraction of the render's time, where an
/// HTML parser would cost several times the render.
/// </summary>
public static partial class NarrowScreens
{
    /// <summary>Elements whose text must not gain markup: SVG text, form options, titles, scripts and styles.</summary>
    static readonly string[] Verbatim = ["svg", "option", "textarea", "title", "script", "style"];

    [GeneratedRegex("""
        [\p{IsCJKUnifiedIdeographs}]{1,4}\s?[〔\[［]\d{4}[〕\]］]\s?\d+\s?号
        | \d{6}-\d{4}-[A-Z]*\d+
        | [-−]?\d[\d,]*(?:\.\d+)?(?:&\#xA0;|&nbsp;|\u00a0|\x20)?[万亿]?元
        | \d{4}年\d{1,2}月(?:\d{1,2}日)?
        | (?:\+86\x20?)?0\d{2,3}[-\x20]\d{7,8}
        | 1[3-9]\d[-\x20]?\d{4}[-\x20]?\d{4}
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex KeepWhole();

    public static string Prepare(string html)
    {
        // Grown in the builder's own small chunks: one buffer sized for a whole county page would be a large-object-heap
        // array per request, and those set off full collections.
        var output = new StringBuilder();
        var tables = new TableState();
        string? verbatimUntil = null;
        var position = 0;
        while (position < html.Length)
        {
            var open = html.IndexOf('<', position);
            var textEnd = open < 0 ? html.Length : open;
            var text = html.AsSpan(position, textEnd - position);
            tables.Text(text);
            if (verbatimUntil is null)
            {
                AppendKeepingWhole(output, html, position, textEnd);
            }
            else
            {
                output.Append(text);
            }

            if (open < 0)
            {
                break;
            }

            var close = html.IndexOf('>', open);
            if (close < 0)
            {
                output.Append(html, open, html.Length - open);
                break;
            }

            var tag = html.AsSpan(open, close - open + 1);
            var name = TagName(tag, out var closing);
            if (verbatimUntil is not null)
            {
                if (closing && name.Equals(verbatimUntil, StringComparison.OrdinalIgnoreCase))
                {
                    verbatimUntil = null;
                }
            }
            else if (!closing && !tag.EndsWith("/>") && VerbatimElement(name) is { } verbatim)
            {
                verbatimUntil = verbatim;
            }

            // A cell with nothing in it gets no label: a bare "说明：" line would say nothing.
            var label = tables.Tag(name, closing, tag);
            if (label is not null && !IsBlankCell(html, close + 1))
            {
                // <td class="num"> → <td data-label="金额" class="num">
                output.Append(html, open, 1 + name.Length).Append(" data-label=\"").Append(label).Append('"')
                    .Append(html, open + 1 + name.Length, close - open - name.Length);
            }
            else
            {
                output.Append(tag);
            }

            position = close + 1;
        }

        return output.ToString();
    }

    static bool IsBlankCell(string html, int contentStart)
    {
        var next = html.IndexOf('<', contentStart);
        return next >= 0 && html.AsSpan(contentStart, next - contentStart).IsWhiteSpace()
            && (html.AsSpan(next).StartsWith("</td>", StringComparison.OrdinalIgnoreCase) || html.AsSpan(next).StartsWith("</th>", StringComparison.OrdinalIgnoreCase));
    }

    static string? VerbatimElement(ReadOnlySpan<char> name)
    {
        foreach (var element in Verbatim)
        {
            if (name.Equals(element, StringComparison.OrdinalIgnoreCase))
            {
                return element;
            }
        }

        return null;
    }

    static void AppendKeepingWhole(StringBuilder output, string html, int start, int end)
    {
        var last = start;
        foreach (var match in KeepWhole().EnumerateMatches(html.AsSpan(start, end - start)))
        {
            var at = start + match.Index;
            output.Append(html, last, at - last).Append("<span class=\"nowrap\">").Append(html, at, match.Length).Append("</span>");
            last = at + match.Length;
        }

        output.Append(html, last, end - last);
    }

    static ReadOnlySpan<char> TagName(ReadOnlySpan<char> tag, out bool closing)
    {
        var i = 1;
        closing = tag.Length > 1 && tag[1] == '/';
        if (closing)
        {
            i++;
        }

        var start = i;
        while (i < tag.Length && (char.IsAsciiLetterOrDigit(tag[i]) || tag[i] == '-'))
        {
            i++;
        }

        return tag[start..i];
    }

    /// <summary>
    /// The header texts of the table being written (its <c>thead</c>'s last row, spans counted) and the column the
    /// next body cell falls in.
    /// </summary>
    sealed class TableState
    {
        readonly List<string> headers = [];
        readonly StringBuilder headerText = new();
        bool inHead;
        bool inHeaderCell;
        int headerSpan;
        int column;

        public void Text(ReadOnlySpan<char> text)
        {
            if (inHeaderCell)
            {
                headerText.Append(text);
            }
        }

        /// <summary>The label to add to this tag, or null.</summary>
        public string? Tag(ReadOnlySpan<char> name, bool closing, ReadOnlySpan<char> tag)
        {
            if (name.Equals("table", StringComparison.OrdinalIgnoreCase))
            {
                headers.Clear();
                inHead = inHeaderCell = false;
                return null;
            }

            if (name.Equals("thead", StringComparison.OrdinalIgnoreCase))
            {
                inHead = !closing;
                return null;
            }

            if (name.Equals("tr", StringComparison.OrdinalIgnoreCase))
            {
                if (!closing)
                {
                    column = 0;
                    if (inHead)
                    {
                        headers.Clear();
                    }
                }

                return null;
            }

            var isTh = name.Equals("th", StringComparison.OrdinalIgnoreCase);
            if (!isTh && !name.Equals("td", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (inHead)
            {
                if (!closing)
                {
                    inHeaderCell = true;
                    headerSpan = Span(tag);
                    headerText.Clear();
                }
                else if (inHeaderCell)
                {
                    inHeaderCell = false;
                    var text = Regex.Replace(headerText.ToString(), @"\s+", " ").Trim().Replace("\"", "&quot;", StringComparison.Ordinal);
                    for (var i = 0; i < headerSpan; i++)
                    {
                        headers.Add(text);
                    }
                }

                return null;
            }

            if (closing)
            {
                return null;
            }

            var at = column;
            column += Span(tag);
            return at < headers.Count && headers[at].Length > 0 && !tag.Contains("data-label=", StringComparison.Ordinal) ? headers[at] : null;
        }

        static int Span(ReadOnlySpan<char> tag)
        {
            var at = tag.IndexOf("colspan=\"", StringComparison.Ordinal);
            if (at < 0)
            {
                return 1;
            }

            var digits = tag[(at + 9)..];
            var end = digits.IndexOf('"');
            return end > 0 && int.TryParse(digits[..end], out var span) && span is > 0 and < 100 ? span : 1;
        }
    }
}
