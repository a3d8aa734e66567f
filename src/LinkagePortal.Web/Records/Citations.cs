using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace LinkagePortal.Records;

/// <summary>
/// How a source is named to readers. The curated data record where each figure was read as the curators' working
/// file and line (<c>000_f1063ff7582f38ed.txt:97-99</c>): that is how to check the data, not something a reader can
/// open. Pages and the API name the published document instead (its page gives issuer, number, title and date) and
/// the part of it (正文, 附件1 分配表, 表33); the working files stay in the data files for curators.
/// </summary>
public static partial class Citations
{
    /// <summary>True when a text names one of the working files.</summary>
    public static bool NamesWorkingFile(string text) => WorkingFile().IsMatch(text);

    /// <summary>The working file a source names (<c>000_f1063ff7582f38ed.txt</c>), or null.</summary>
    public static string? WorkingFileOf(string source) => WorkingFile().Match(source) is { Success: true } m ? m.Value.Split(':')[0] : null;

    /// <summary>The part of the document a source names (正文；附件1 分配表), without the working file and its lines.</summary>
    public static string Part(string source) =>
        WorkingLines().Replace(WorkingFile().Replace(source, ""), "").Trim().TrimStart(':', '：').Trim();

    /// <summary>Editors' text with each working file read as "原件" (the document the record cites) and its line numbers left out.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? InPrintedTerms(string? text) =>
        text is null ? null : WorkingLines().Replace(WorkingFile().Replace(text, "原件"), "");

    /// <summary>
    /// Which published document each working file is: the one whose source is the whole file (全文), or else the only
    /// one citing it. A document cited from another's file was printed inside that one (a budget disclosure's
    /// attachments); a file two documents share with neither whole has no holder.
    /// </summary>
    public static IReadOnlyDictionary<string, DocumentRecord> Holders(IEnumerable<DocumentRecord> documents) =>
        documents.Select(d => (File: WorkingFileOf(d.Source), Document: d))
            .Where(x => x.File is not null)
            .GroupBy(x => x.File!, StringComparer.Ordinal)
            .Select(g => (g.Key, Holder: g.Count() == 1 ? g.Single().Document : g.FirstOrDefault(x => Part(x.Document.Source).StartsWith(Whole, StringComparison.Ordinal)).Document))
            .Where(x => x.Holder is not null)
            .ToDictionary(x => x.Key, x => x.Holder!, StringComparer.Ordinal);

    /// <summary>How a source printed whole says so.</summary>
    const string Whole = "全文";

    /// <summary>A working file with the lines cited in it: <c>002_a7bfa8886433f7ef.txt:1808;1810</c>.</summary>
    [GeneratedRegex(@"\d{3}_[0-9a-f]{16}\.txt(?::\d[\d;\-–]*)?")]
    private static partial Regex WorkingFile();

    /// <summary>Line numbers of a working file: （约第1537–1616行）.</summary>
    [GeneratedRegex(@"[（(]约第\d+[–\-]\d+行[）)]|约第\d+[–\-]\d+行")]
    private static partial Regex WorkingLines();
}
