using Dapper;
using LinkagePortal.Records;

namespace LinkagePortal.Import;

// One class a data file kind. The row records are named after the table's columns so that Dapper binds them to the
// upsert's parameters one to one.

public static class Datasets
{
    /// <summary>Every kind, in the order an empty database is seeded (a file may refer only to kinds before it).</summary>
    public static readonly IDataset[] InLoadOrder =
    [
        new Regions(), new Documents(), new Allocations(), new AllocationTotals(), new Projects(), new ProjectPlaces(),
        new Announcements(), new AnnouncementLinks(), new Contacts(), new PerformanceTargets(), new FundReports(),
        new Checks.CheckRulesDataset(),
    ];

    public static IDataset? ForFile(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var dot = name.IndexOf('.');
        var kind = dot < 0 ? name : name[..dot];
        return InLoadOrder.FirstOrDefault(d => d.Name == kind);
    }
}

sealed class Regions : Dataset<Regions.Row>
{
    public sealed record Row(string code, string name, string short_name, string level, string? parent_code);

    static readonly Dictionary<string, int> CodeLength = new() { ["province"] = 2, ["prefecture"] = 4, ["county"] = 6, ["township"] = 9, ["village"] = 12 };

    public override string Name => "regions";
    public override string[] Columns => ["code", "name", "level", "parent_code"];

    protected override string? Key(Row row) => row.code;

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var code = r.Required("code");
        var name = r.Required("name");
        var level = r.OneOf("level", [.. CodeLength.Keys]);
        var parent = r.Optional("parent_code");
        if (code.Length > 0 && (!code.All(char.IsAsciiDigit) || (CodeLength.TryGetValue(level, out var length) && code.Length != length)))
        {
            r.Fail("code", $"'{code}' is not a {level} code ({(CodeLength.TryGetValue(level, out var l) ? l : 0)} digits)");
        }

        if (level != "province" && parent is null)
        {
            r.Fail("parent_code", "is empty; every region below the province has a parent");
        }
        else if (parent is not null && !code.StartsWith(parent, StringComparison.Ordinal))
        {
            r.Fail("parent_code", $"'{parent}' is not a prefix of '{code}'");
        }
        else
        {
            c.CheckRegion(r, "parent_code", parent);
        }

        // Later rows may name this one as parent.
        if (code.Length > 0)
        {
            c.Regions[code] = level;
        }

        return new Row(code, name, ShortName(name), level, parent);
    }

    /// <summary>科克萨拉村委会 → 科克萨拉村, 某某社区居委会 → 某某社区: the name people use.</summary>
    public static string ShortName(string name) =>
        name.EndsWith("村委会", StringComparison.Ordinal) ? name[..^2]
        : name.EndsWith("社区居委会", StringComparison.Ordinal) ? name[..^3]
        : name.EndsWith("村民委员会", StringComparison.Ordinal) ? name[..^4]
        : name;

    protected override void Write(Row row, ImportContext c)
    {
        c.Connection.Execute(c.Dialect.Upsert("regions", ["code"], ["code", "name", "short_name", "level", "parent_code"]), row, c.Transaction);
        RegionNameIndex.Refresh(c.Connection, c.Transaction, row.code, row.name, row.short_name);
    }
}

sealed class Documents : Dataset<Documents.Row>
{
    public sealed record Row(string id, string? number, string title, string issuer, DateTime? issued_on, string? fund_level, int? fiscal_year,
        string kind, string? task, string? budget_subjects, string? direct_fund_flag, DateTime? arose_on, DateTime? published_at, string source, string? note);

    public override string Name => "documents";
    public override string[] Columns => ["id", "number", "title", "issuer", "issued_on", "fund_level", "fiscal_year", "kind", "task",
        "budget_subjects", "direct_fund_flag", "arose_on", "published_at", "source", "note"];

    protected override string? Key(Row row) => row.id;

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var id = r.Slug("id");

        c.Documents.Add(id);
        return new Row(id, r.Optional("number"), r.Required("title"), r.Required("issuer"), r.Date("issued_on"),
            r.OptionalOneOf("fund_level", Vocabulary.FundLevels.Values), r.OptionalYear("fiscal_year"),
            r.OneOf("kind", Vocabulary.DocumentKinds.Values), r.Optional("task"), r.Optional("budget_subjects"),
            r.Optional("direct_fund_flag"), r.Date("arose_on"), r.Time("published_at"), r.Required("source"), r.Optional("note"));
    }

    protected override Versioning<Row> Versioning => new("documents", "documents", ["id"], r => r.id, Columns);

    /// <summary>
    /// A new document is on no county's page until a record cites it, and such a record notes its own county; a changed
    /// one shows wherever it is cited.
    /// </summary>
    protected override void Changed(Row row, VersionWriter.Stored? before, ImportContext c)
    {
        if (before is not null)
        {
            c.ChangedCounties.Everything();
        }
    }

    protected override void Write(Row row, ImportContext c)
    {
        c.Connection.Execute(c.Dialect.Upsert("documents", ["id"], [.. Columns]), row, c.Transaction);
        c.TotalsChanged.Document(row.id);
    }
}

sealed class Allocations : Dataset<Allocations.Row>
{
    public sealed record Row(string document_id, string source_table, int? row_no, string region_code, string region_name_printed, string task,
        string? part_of_task, long amount_yuan, string? printed_text, string derivation, string? note, DateTime? arose_on, DateTime? published_at);

    public override string Name => "allocations";
    public override string[] Columns => ["document_id", "source_table", "row_no", "region_code", "region_name_printed", "task", "part_of_task",
        "amount_wan", "printed_text", "derivation", "note", "arose_on", "published_at"];
    public override string[] OptionalColumns => ["arose_on", "published_at"];

    protected override string? Key(Row row) => $"{row.document_id} {row.region_code} {row.task}";

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var document = c.RequiredDocument(r, "document_id");
        var region = c.RequiredRegion(r, "region_code");
        return new Row(document, r.Required("source_table"), r.OptionalInt("row_no"), region, r.Required("region_name_printed"), r.Required("task"),
            r.Optional("part_of_task"), r.Yuan("amount_wan"), r.Optional("printed_text"), r.OneOf("derivation", Vocabulary.Derivations.Values), r.Optional("note"),
            r.Date("arose_on"), r.Time("published_at"));
    }

    static readonly string[] StoredColumns = ["document_id", "source_table", "row_no", "region_code", "region_name_printed", "task", "part_of_task",
        "amount_yuan", "printed_text", "derivation", "note", "arose_on", "published_at"];

    protected override Versioning<Row> Versioning => new("allocations", "allocations", ["document_id", "region_code", "task"],
        r => $"{r.document_id}/{r.region_code}/{r.task}", StoredColumns)
    {
        DocumentColumn = "document_id",
        Withdrawable = true,
        Withdrawing = (c, key) => c.TotalsChanged.Region(key("region_code")),
    };

    protected override void Changed(Row row, VersionWriter.Stored? before, ImportContext c) => c.ChangedCounties.Region(row.region_code);

    protected override void Write(Row row, ImportContext c)
    {
        c.Connection.Execute(c.Dialect.Upsert("allocations", ["document_id", "region_code", "task"], StoredColumns), row, c.Transaction);
        c.TotalsChanged.Region(row.region_code);
    }
}

sealed class AllocationTotals : Dataset<AllocationTotals.Row>
{
    public sealed record Row(string document_id, string source_table, string region_code, string region_name_printed, string task,
        long amount_yuan, string? printed_text, string derivation, string? note);

    public override string Name => "allocation_totals";
    public override string[] Columns => ["document_id", "source_table", "region_code", "region_name_printed", "task", "amount_wan", "printed_text", "derivation", "note"];

    protected override string? Key(Row row) => $"{row.document_id} {row.region_code} {row.task}";

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var document = c.RequiredDocument(r, "document_id");
        var region = c.RequiredRegion(r, "region_code");
        return new Row(document, r.Required("source_table"), region, r.Required("region_name_printed"), r.Optional("task") ?? "",
            r.Yuan("amount_wan"), r.Optional("printed_text"), r.OneOf("derivation", Vocabulary.Derivations.Values), r.Optional("note"));
    }

    protected override void Write(Row row, ImportContext c) =>
        c.Connection.Execute(c.Dialect.Upsert("allocation_totals", ["document_id", "region_code", "task"],
            ["document_id", "source_table", "region_code", "region_name_printed", "task", "amount_yuan", "printed_text", "derivation", "note"]), row, c.Transaction);
}

sealed class Projects : Dataset<Projects.Row>
{
    public sealed record Row(string code, string programme, int fiscal_year, string name, string county_code, long amount_yuan, string? printed_text,
        string derivation, string? responsible_unit, string? category, string? construction_content, string? status, long? spent_yuan,
        string source_document_id, string source_table, int? row_no, DateTime? arose_on, DateTime? published_at, string? note)
    {
        public string[] FundDocuments { get; init; } = [];
    }

    const string ClearFunds = "DELETE FROM project_funds WHERE project_id = @id";
    const string AddFund = "INSERT INTO project_funds (project_id, document_id) VALUES (@projectId, @documentId)";

    static readonly string[] StoredColumns = ["code", "programme", "fiscal_year", "name", "county_code", "amount_yuan", "printed_text", "derivation",
        "responsible_unit", "category", "construction_content", "status", "spent_yuan", "source_document_id", "source_table", "row_no", "arose_on",
        "published_at", "note"];

    public override string Name => "projects";
    public override string[] Columns => ["code", "programme", "fiscal_year", "name", "county_code", "amount_wan", "printed_text", "derivation",
        "responsible_unit", "category", "construction_content", "status", "spent_wan", "fund_document_ids", "source_document_id", "source_table",
        "row_no", "arose_on", "published_at", "note"];

    protected override string? Key(Row row) => row.code;

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var code = r.Slug("code");

        var county = c.RequiredRegion(r, "county_code", "county");
        var source = c.RequiredDocument(r, "source_document_id");
        var funds = (r.Optional("fund_document_ids") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var fund in funds)
        {
            c.CheckDocument(r, "fund_document_ids", fund);
        }

        c.Projects.TryAdd(code, 0);
        return new Row(code, r.OneOf("programme", Vocabulary.Programmes.Values), r.Year("fiscal_year"), r.Required("name"), county, r.Yuan("amount_wan"),
            r.Optional("printed_text"), r.OneOf("derivation", Vocabulary.Derivations.Values), r.Optional("responsible_unit"), r.Optional("category"),
            r.Optional("construction_content"), r.Optional("status"), r.OptionalYuan("spent_wan"), source, r.Required("source_table"),
            r.OptionalInt("row_no"), r.Date("arose_on"), r.Time("published_at"), r.Optional("note")) { FundDocuments = funds };
    }

    const string FundsOf = "SELECT f.document_id FROM project_funds f JOIN projects p ON p.id = f.project_id WHERE p.code = @code ORDER BY f.document_id";

    protected override Versioning<Row> Versioning => new("projects", "projects", ["code"], r => r.code, StoredColumns)
    {
        DocumentColumn = "source_document_id",
        Withdrawable = true,
        Withdrawing = (c, key) => c.TotalsChanged.BeforeProject(c.Connection, c.Transaction, key("code")),
        Linked = ("fund_document_ids",
            (c, r) => string.Join(';', c.Connection.Query<string>(FundsOf, new { r.code }, c.Transaction)) is { Length: > 0 } stored ? stored : null,
            r => r.FundDocuments.Length == 0 ? null : string.Join(';', r.FundDocuments.Distinct().Order(StringComparer.Ordinal))),
    };

    /// <summary>The county it was in and the one it is in now, and those of its places (whose pages list it).</summary>
    protected override void Changed(Row row, VersionWriter.Stored? before, ImportContext c)
    {
        c.ChangedCounties.Region(before?.Values["county_code"]);
        c.ChangedCounties.Regions(c.Connection.Query<string>(RegionTotals.CountiesOfProject, new { row.code }, c.Transaction));
    }

    protected override void Write(Row row, ImportContext c)
    {
        c.TotalsChanged.BeforeProject(c.Connection, c.Transaction, row.code);
        c.Connection.Execute(c.Dialect.Upsert("projects", ["code"], StoredColumns), row, c.Transaction);
        var id = c.ProjectId(row.code);
        c.ProjectsWritten.Add(id);
        c.Connection.Execute(ClearFunds, new { id }, c.Transaction);
        foreach (var document in row.FundDocuments.Distinct())
        {
            c.Connection.Execute(AddFund, new { projectId = id, documentId = document }, c.Transaction);
        }
    }
}

sealed class ProjectPlaces : Dataset<ProjectPlaces.Row>
{
    public sealed record Row(string project_code, string place_as_printed, string? region_code, string match_kind, string? note);

    const string ClearPlaces = "DELETE FROM project_places WHERE project_id = @id";
    const string AddPlace = """
        INSERT INTO project_places (project_id, place_as_printed, region_code, match_kind, note)
        VALUES (@projectId, @place_as_printed, @region_code, @match_kind, @note)
        """;

    public override string Name => "project_places";
    public override string[] Columns => ["project_code", "place_as_printed", "region_code", "match", "note"];

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var project = r.Required("project_code");
        c.CheckProject(r, "project_code", project);
        var match = r.OneOf("match", Vocabulary.PlaceMatches.Values);
        var region = r.Optional("region_code");
        if (match == "unresolved" && region is not null)
        {
            r.Fail("region_code", "must be empty when match is unresolved");
        }
        else if (match is "exact" or "corrected")
        {
            if (region is null)
            {
                r.Fail("region_code", $"is empty; a {match} match names a village");
            }

            c.CheckRegion(r, "region_code", region, "village");
        }
        else if (match == "township")
        {
            if (region is null)
            {
                r.Fail("region_code", "is empty; a township match names a township");
            }

            c.CheckRegion(r, "region_code", region, "township");
        }

        return new Row(project, r.Required("place_as_printed"), region, match, r.Optional("note"));
    }

    /// <summary>A file gives all the places of the projects it names: their earlier places are replaced.</summary>
    protected override void BeforeWrite(IReadOnlyList<Row> rows, ImportContext c)
    {
        foreach (var code in rows.Select(r => r.project_code).Distinct())
        {
            var id = c.ProjectId(code);
            c.TotalsChanged.BeforeProject(c.Connection, c.Transaction, code);
            c.Connection.Execute(ClearPlaces, new { id }, c.Transaction);
            c.ProjectsWritten.Add(id);
        }
    }

    protected override void Write(Row row, ImportContext c) =>
        c.Connection.Execute(AddPlace, new { projectId = c.ProjectId(row.project_code), row.place_as_printed, row.region_code, row.match_kind, row.note }, c.Transaction);
}

sealed class Announcements : Dataset<Announcements.Row>
{
    public sealed record Row(string id, string title, string county_code, string publisher, DateTime? arose_on, DateTime? published_at,
        string body, string source_document_id, string? note, DateTime? signed_on);

    public override string Name => "announcements";
    public override string[] Columns => ["id", "title", "county_code", "publisher", "arose_on", "published_at", "body", "source_document_id", "note", "signed_on"];

    /// <summary>signed_on (落款日期, the date printed at the notice's foot) came after the other columns; older files lack it.</summary>
    public override string[] OptionalColumns => ["signed_on"];

    protected override string? Key(Row row) => row.id;

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var id = r.Slug("id");

        var county = c.RequiredRegion(r, "county_code", "county");
        var source = c.RequiredDocument(r, "source_document_id");
        c.Announcements.Add(id);
        return new Row(id, r.Required("title"), county, r.Required("publisher"), r.Date("arose_on"), r.Time("published_at"), r.Required("body"),
            source, r.Optional("note"), r.Date("signed_on"));
    }

    protected override Versioning<Row> Versioning => new("announcements", "announcements", ["id"], r => r.id, Columns)
    {
        DocumentColumn = "source_document_id",
        Withdrawable = true,
    };

    // The counties of the projects a notice is linked to and of their places: their pages list the notice.
    const string CountiesOfLinkedProjects = """
        SELECT p.county_code FROM announcement_projects ap JOIN projects p ON p.id = ap.project_id WHERE ap.announcement_id = @id
        UNION SELECT SUBSTRING(pp.region_code, 1, 6) FROM announcement_projects ap JOIN project_places pp ON pp.project_id = ap.project_id
        WHERE ap.announcement_id = @id AND pp.region_code IS NOT NULL
        """;

    /// <summary>The county it was published for and the one it is now, and those of the projects it is linked to.</summary>
    protected override void Changed(Row row, VersionWriter.Stored? before, ImportContext c)
    {
        c.ChangedCounties.Region(before?.Values["county_code"]);
        c.ChangedCounties.Region(row.county_code);
        c.ChangedCounties.Regions(c.Connection.Query<string>(CountiesOfLinkedProjects, new { row.id }, c.Transaction));
    }

    protected override void Write(Row row, ImportContext c) =>
        c.Connection.Execute(c.Dialect.Upsert("announcements", ["id"], [.. Columns]), row, c.Transaction);
}

sealed class AnnouncementLinks : Dataset<AnnouncementLinks.Row>
{
    public sealed record Row(string announcement_id, string? project_code, string? document_id);

    const string ClearLinks = """
        DELETE FROM announcement_projects WHERE announcement_id = @id;
        DELETE FROM announcement_documents WHERE announcement_id = @id;
        """;
    const string AddProject = "INSERT INTO announcement_projects (announcement_id, project_id) VALUES (@announcementId, @projectId)";
    const string AddDocument = "INSERT INTO announcement_documents (announcement_id, document_id) VALUES (@announcementId, @documentId)";

    public override string Name => "announcement_links";
    public override string[] Columns => ["announcement_id", "project_code", "document_id"];

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var announcement = r.Required("announcement_id");
        c.CheckAnnouncement(r, "announcement_id", announcement);
        var project = r.Optional("project_code");
        var document = r.Optional("document_id");
        if ((project is null) == (document is null))
        {
            r.Fail("project_code", "give exactly one of project_code and document_id");
        }

        c.CheckProject(r, "project_code", project);
        c.CheckDocument(r, "document_id", document);
        return new Row(announcement, project, document);
    }

    /// <summary>A file gives all the links of the announcements it names.</summary>
    protected override void BeforeWrite(IReadOnlyList<Row> rows, ImportContext c)
    {
        foreach (var id in rows.Select(r => r.announcement_id).Distinct())
        {
            c.Connection.Execute(ClearLinks, new { id }, c.Transaction);
        }
    }

    protected override void Write(Row row, ImportContext c)
    {
        if (row.project_code is not null)
        {
            c.Connection.Execute(AddProject, new { announcementId = row.announcement_id, projectId = c.ProjectId(row.project_code) }, c.Transaction);
        }
        else
        {
            c.Connection.Execute(AddDocument, new { announcementId = row.announcement_id, documentId = row.document_id }, c.Transaction);
        }
    }
}

sealed class Contacts : Dataset<Contacts.Row>
{
    public sealed record Row(string region_code, string? hotline, string? discipline_line, string? address, string? email, string source_document_id, string? note);

    public override string Name => "contacts";
    public override string[] Columns => ["region_code", "hotline", "discipline_line", "address", "email", "source_document_id", "note"];

    protected override string? Key(Row row) => row.region_code;

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var region = c.RequiredRegion(r, "region_code");
        var source = c.RequiredDocument(r, "source_document_id");
        var hotline = r.Optional("hotline");
        var discipline = r.Optional("discipline_line");
        if (hotline is null && discipline is null)
        {
            r.Fail("hotline", "a contact row needs a hotline or a discipline-inspection line");
        }

        return new Row(region, hotline, discipline, r.Optional("address"), r.Optional("email"), source, r.Optional("note"));
    }

    protected override Versioning<Row> Versioning => new("contacts", "contacts", ["region_code"], r => r.region_code, Columns);

    /// <summary>A county's contacts are on its pages; a prefecture's or the region's on every page below them.</summary>
    protected override void Changed(Row row, VersionWriter.Stored? before, ImportContext c) => c.ChangedCounties.Region(row.region_code);

    protected override void Write(Row row, ImportContext c) =>
        c.Connection.Execute(c.Dialect.Upsert("contacts", ["region_code"], [.. Columns]), row, c.Transaction);
}

sealed class PerformanceTargets : Dataset<PerformanceTargets.Row>
{
    public sealed record Row(string? document_id, string? project_code, string? level1, string level2, string? level3, string? target_value,
        string? unit, string? actual_value, string source_table, string? note, DateTime? arose_on, DateTime? published_at);

    const string ClearTargets = """
        DELETE FROM performance_targets
        WHERE (document_id = @documentId OR (document_id IS NULL AND @documentId IS NULL))
          AND (project_id = @projectId OR (project_id IS NULL AND @projectId IS NULL))
        """;
    const string AddTarget = """
        INSERT INTO performance_targets (document_id, project_id, level1, level2, level3, target_value, unit, actual_value, source_table, note, arose_on, published_at)
        VALUES (@document_id, @projectId, @level1, @level2, @level3, @target_value, @unit, @actual_value, @source_table, @note, @arose_on, @published_at)
        """;

    public override string Name => "performance_targets";
    public override string[] Columns => ["document_id", "project_code", "level1", "level2", "level3", "target_value", "unit", "actual_value",
        "source_table", "note", "arose_on", "published_at"];
    public override string[] OptionalColumns => ["arose_on", "published_at"];

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var document = r.Optional("document_id");
        var project = r.Optional("project_code");
        if (document is null && project is null)
        {
            r.Fail("document_id", "a target belongs to a document, a project, or both");
        }

        c.CheckDocument(r, "document_id", document);
        c.CheckProject(r, "project_code", project);
        return new Row(document, project, r.Optional("level1"), r.Required("level2"), r.Optional("level3"), r.Optional("target_value"),
            r.Optional("unit"), r.Optional("actual_value"), r.Required("source_table"), r.Optional("note"), r.Date("arose_on"), r.Time("published_at"));
    }

    /// <summary>A file gives the whole target table of each document or project it names.</summary>
    protected override void BeforeWrite(IReadOnlyList<Row> rows, ImportContext c)
    {
        foreach (var (document, project) in rows.Select(r => (r.document_id, r.project_code)).Distinct())
        {
            c.Connection.Execute(ClearTargets, new { documentId = document, projectId = project is null ? (int?)null : c.ProjectId(project) }, c.Transaction);
        }
    }

    protected override void Write(Row row, ImportContext c) =>
        c.Connection.Execute(AddTarget, new
        {
            row.document_id, projectId = row.project_code is null ? (int?)null : c.ProjectId(row.project_code), row.level1, row.level2, row.level3,
            row.target_value, row.unit, row.actual_value, row.source_table, row.note, row.arose_on, row.published_at,
        }, c.Transaction);
}

sealed class FundReports : Dataset<FundReports.Row>
{
    public sealed record Row(string region_code, int fiscal_year, string item, string label, string value, string unit, string? printed_text,
        string derivation, string source_document_id, string? note);

    public override string Name => "fund_reports";
    public override string[] Columns => ["region_code", "fiscal_year", "item", "label", "value", "unit", "printed_text", "derivation", "source_document_id", "note"];

    protected override string? Key(Row row) => $"{row.region_code} {row.fiscal_year} {row.item}";

    protected override Row? Read(CsvRecord r, ImportContext c)
    {
        var region = c.RequiredRegion(r, "region_code");
        var source = c.RequiredDocument(r, "source_document_id");
        var value = r.Required("value");
        if (value.Length > 0 && !decimal.TryParse(value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            r.Fail("value", $"'{value}' is not a number");
        }

        return new Row(region, r.Year("fiscal_year"), r.Required("item"), r.Required("label"), value, r.OneOf("unit", "万元", "个", "%"),
            r.Optional("printed_text"), r.OneOf("derivation", Vocabulary.Derivations.Values), source, r.Optional("note"));
    }

    protected override void Write(Row row, ImportContext c) =>
        c.Connection.Execute(c.Dialect.Upsert("fund_reports", ["region_code", "fiscal_year", "item"], [.. Columns]), row, c.Transaction);
}
