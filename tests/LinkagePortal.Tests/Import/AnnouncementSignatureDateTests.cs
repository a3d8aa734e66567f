using Dapper;
using LinkagePortal.Import;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Import;

/// <summary>
/// A notice's 落款日期 (signed_on) is its own column, apart from its publication time: the Wusu notices carry only the
/// former; a bad date is refused by line and column; a file written before the column existed still loads.
/// </summary>
public sealed class AnnouncementSignatureDateTests
{
    const string Header = "id,title,county_code,publisher,arose_on,published_at,body,source_document_id,note";

    static string WriteFile(string text)
    {
        var path = Path.Combine(TestDatabase.NewDirectory("import"), "announcements.csv");
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    [Fact]
    public void The_wusu_notices_are_loaded_with_their_signature_date_and_no_publication_time()
    {
        using var connection = TestDatabase.SeededSqlite().Open();
        var notices = connection.Query<(string Id, string? SignedOn, string? PublishedAt)>(
            "SELECT id, signed_on, published_at FROM announcements WHERE county_code = '654202' ORDER BY id").ToList();

        Assert.Equal(["wusu-2024-gs-1", "wusu-2024-gs-2"], notices.Select(n => n.Id));
        Assert.All(notices, n => Assert.StartsWith("2023-12-29", n.SignedOn));
        Assert.All(notices, n => Assert.Null(n.PublishedAt));
    }

    [Fact]
    public void A_malformed_signature_date_is_refused_with_its_line_and_column()
    {
        var path = WriteFile($"""
            {Header},signed_on
            t-notice,测试公告,654202,乌苏市财政局,,,正文,wusu-2024-budget,,2023年12月29日
            """);

        var refused = Assert.Throws<ImportRejectedException>(() => new Importer(TestDatabase.SeededSqlite(), TimeProvider.System).Import([path]));
        var error = Assert.Single(refused.Errors);
        Assert.Equal((2, "signed_on"), (error.Line, error.Column));
    }

    [Fact]
    public void A_file_without_the_signature_date_column_still_loads()
    {
        var db = TestDatabase.SeededSqlite();
        var path = WriteFile($"""
            {Header}
            t-notice,测试公告,654202,乌苏市财政局,,2024-02-01T09:00:00+08:00,正文,wusu-2024-budget,
            """);

        new Importer(db, TimeProvider.System).Import([path]);

        using var connection = db.Open();
        Assert.Null(connection.ExecuteScalar<string?>("SELECT signed_on FROM announcements WHERE id = 't-notice'"));
    }
}
