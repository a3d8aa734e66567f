using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Import;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Import;

/// <summary>A bad file is refused with file, line, column and reason, and leaves every table as it was.</summary>
public sealed class ImportTests
{
    static readonly string[] Tables =
    [
        "regions", "documents", "allocations", "allocation_totals", "projects", "project_funds", "project_places", "announcements",
        "announcement_projects", "announcement_documents", "contacts", "performance_targets", "fund_reports",
    ];

    readonly Db db = TestDatabase.SeededSqlite();

    static string WriteFile(string name, string text)
    {
        var path = Path.Combine(TestDatabase.NewDirectory("import"), name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>Row counts of every table plus the money totals and the data version: what "unchanged" means.</summary>
    string Snapshot()
    {
        using var connection = db.Open();
        var counts = Tables.Select(t => $"{t}={connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {t}")}");
        var money = connection.ExecuteScalar<long>("SELECT (SELECT COALESCE(SUM(amount_yuan), 0) FROM allocations) + (SELECT COALESCE(SUM(amount_yuan), 0) FROM projects)");
        var version = connection.ExecuteScalar<long>("SELECT version FROM data_version");
        return $"{string.Join(", ", counts)}; money={money}; version={version}";
    }

    ImportError Refused(string path)
    {
        var before = Snapshot();
        var refused = Assert.Throws<ImportRejectedException>(() => new Importer(db, TimeProvider.System).Import([path]));
        Assert.Equal(before, Snapshot());
        return Assert.Single(refused.Errors);
    }

    const string ProjectHeader = "code,programme,fiscal_year,name,county_code,amount_wan,printed_text,derivation,responsible_unit,category,construction_content,status,spent_wan,fund_document_ids,source_document_id,source_table,row_no,arose_on,published_at,note";

    [Fact]
    public void A_bad_amount_is_refused_with_its_line_and_column_and_nothing_is_written()
    {
        var path = WriteFile("projects.csv", $"""
            {ProjectHeader}
            654202-2099-001,linkage,2024,测试项目甲,654202,10.5,,printed,,,,,,,wusu-2024-budget,test,1,,,
            654202-2099-002,linkage,2024,测试项目乙,654202,12.5万,,printed,,,,,,,wusu-2024-budget,test,2,,,
            """);

        var error = Refused(path);
        Assert.Equal(("projects.csv", 3, "amount_wan"), (error.File, error.Line, error.Column));
        Assert.Contains("12.5万", error.Reason, StringComparison.Ordinal);
        Assert.Equal("projects.csv:3: column amount_wan: '12.5万' is not an amount in 万元 (digits, optional point and at most 4 decimals, not negative)", error.ToString());
    }

    [Theory]
    [InlineData("\u0001")]
    [InlineData("\u001B")]
    [InlineData("\u007F")]
    [InlineData("\u009B")]
    [InlineData("\uFFFF")]
    public void A_control_character_is_refused_with_its_line_and_column(string character)
    {
        var path = WriteFile("projects.csv", $"""
            {ProjectHeader}
            654202-2099-001,linkage,2024,测试项目甲,654202,10.5,,printed,,,,,,,wusu-2024-budget,test,1,,,
            654202-2099-002,linkage,2024,测试{character}项目乙,654202,12.5,,printed,,,,,,,wusu-2024-budget,test,2,,,
            """);

        var error = Refused(path);
        Assert.Equal(("projects.csv", 3, "name"), (error.File, error.Line, error.Column));
        Assert.StartsWith("projects.csv:3: column name: contains the control character U+", error.ToString());
    }

    [Fact]
    public void An_unknown_region_code_is_refused()
    {
        var path = WriteFile("allocations.csv", """
            document_id,source_table,row_no,region_code,region_name_printed,task,part_of_task,amount_wan,printed_text,derivation,note
            xcz-2024-9,test,1,654202,乌苏市,测试任务,,1,1,printed,
            xcz-2024-9,test,2,659999,不存在县,测试任务,,1,1,printed,
            """);

        var error = Refused(path);
        Assert.Equal((3, "region_code"), (error.Line, error.Column));
        Assert.Contains("unknown region code '659999'", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024/01/26")]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30")]
    public void A_malformed_date_is_refused(string date)
    {
        var path = WriteFile("documents.csv", $"""
            id,number,title,issuer,issued_on,fund_level,fiscal_year,kind,task,budget_subjects,direct_fund_flag,arose_on,published_at,source,note
            test-doc,测试〔2024〕1号,测试文件,测试机关,{date},region,2024,rules,,,,,,test,
            """);

        var error = Refused(path);
        Assert.Equal((2, "issued_on"), (error.Line, error.Column));
        Assert.Contains("is not a date written YYYY-MM-DD", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_in_one_pass()
    {
        var path = WriteFile("projects.csv", $"""
            {ProjectHeader}
            654202-2099-001,linkage,2024,测试项目甲,659999,abc,,printed,,,,,,,no-such-doc,test,1,,,
            """);

        var refused = Assert.Throws<ImportRejectedException>(() => new Importer(db, TimeProvider.System).Import([path]));
        Assert.Equal(["amount_wan", "county_code", "source_document_id"], refused.Errors.Select(e => e.Column).Order());
        Assert.All(refused.Errors, e => Assert.Equal(2, e.Line));
    }

    [Fact]
    public void Header_problems_are_reported_on_line_1()
    {
        var path = WriteFile("contacts.csv", "region_code,hotline,fax\n654202,0992-1,\n");
        var refused = Assert.Throws<ImportRejectedException>(() => new Importer(db, TimeProvider.System).Import([path]));
        Assert.Contains(refused.Errors, e => e.Line == 1 && e.Column == "fax" && e.Reason.StartsWith("unknown column", StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.Line == 1 && e.Column == "source_document_id" && e.Reason.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_left_open_is_malformed_csv()
    {
        var path = WriteFile("contacts.csv", "region_code,hotline,discipline_line,address,email,source_document_id,note\n654202,\"0992-1,,,,wusu-2024-budget,\n");
        var error = Refused(path);
        Assert.Equal(2, error.Line);
        Assert.Contains("not closed", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_file_is_written_whole_and_moves_the_data_version()
    {
        var path = WriteFile("projects.csv", $"""
            {ProjectHeader}
            654202-2099-001,linkage,2024,"测试项目, 带逗号",654202,10.5,,printed,单位,,,,,wcz-2023-9,wusu-2024-budget,test,1,,,
            """);
        var before = Snapshot();

        var written = new Importer(db, TimeProvider.System).Import([path]);

        Assert.Equal([("projects.csv", 1)], written);
        Assert.NotEqual(before, Snapshot());
        using var connection = db.Open();
        var (name, amount) = connection.QuerySingle<(string, long)>("SELECT name, amount_yuan FROM projects WHERE code = '654202-2099-001'");
        Assert.Equal(("测试项目, 带逗号", 105000L), (name, amount));
        Assert.Equal("wcz-2023-9", connection.ExecuteScalar<string>("SELECT document_id FROM project_funds pf JOIN projects p ON p.id = pf.project_id WHERE p.code = '654202-2099-001'"));
    }

    [Fact]
    public void A_file_named_for_no_dataset_is_refused()
    {
        var error = Refused(WriteFile("things.csv", "a,b\n1,2\n"));
        Assert.Contains("does not say what it holds", error.Reason, StringComparison.Ordinal);
    }
}
