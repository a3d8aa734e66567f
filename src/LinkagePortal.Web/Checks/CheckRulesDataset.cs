using Dapper;
using LinkagePortal.Import;

namespace LinkagePortal.Checks;

/// <summary>
/// <c>content/data/check_rules.csv</c>: the rules the accountability checks apply, each with the document, article and
/// exact words that state it. Loaded through the importer like every data file (all or nothing, errors with file,
/// line and column); every row's document must exist.
/// </summary>
public sealed class CheckRulesDataset : Dataset<CheckRulesDataset.Row>
{
    public sealed record Row(string id, string check_kind, string title, string document_id, string article, string quote, string? keywords,
        string source, string? note);

    public override string Name => "check_rules";
    public override string[] Columns => ["id", "check", "title", "document_id", "article", "quote", "keywords", "source", "note"];

    protected override string? Key(Row row) => row.id;

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var id = r.Slug("id");
        var document = c.RequiredDocument(r, "document_id");
        var kind = r.OneOf("check", CheckKinds.All);
        var keywords = r.Optional("keywords");
        if (keywords is not null && keywords.Split(';').Any(k => k.Trim().Length == 0))
        {
            r.Fail("keywords", "has an empty word; separate words with a single ';'");
        }

        if (kind is CheckKinds.NegativeList or CheckKinds.ManagementFee && keywords is null)
        {
            r.Fail("keywords", $"is empty; a {kind} rule screens by its keywords");
        }

        return new Row(id, kind, r.Required("title"), document, r.Required("article"), r.Required("quote"), keywords, r.Required("source"), r.Optional("note"));
    }

    protected override void Write(Row row, ImportContext c) =>
        c.Connection.Execute(c.Dialect.Upsert("check_rules", ["id"], ["id", "check_kind", "title", "document_id", "article", "quote", "keywords", "source", "note"]),
            row, c.Transaction);
}

/// <summary>The kinds of check, as they appear in the rules data, the results and the API's <c>check</c> filter.</summary>
public static class CheckKinds
{
    public const string Reconciliation = "reconciliation";
    public const string Detailing = "detailing";
    public const string NoticeCompleteness = "notice-completeness";
    public const string NegativeList = "negative-list";
    public const string ManagementFee = "management-fee";
    public const string ComplaintHandling = "complaint-handling";

    public static readonly string[] All = [Reconciliation, Detailing, NoticeCompleteness, NegativeList, ManagementFee, ComplaintHandling];
}
