using LinkagePortal.Import;
using LinkagePortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Disclosure;

/// <summary>
/// Records added to a test portal's database the way an operator adds them: as data files through the importer,
/// which bumps the data version (so caches know) exactly as <c>import FILE</c> does. All are marked as test records.
/// </summary>
static class TestRecords
{
    const string ProjectHeader = "code,programme,fiscal_year,name,county_code,amount_wan,printed_text,derivation,responsible_unit,category,"
        + "construction_content,status,spent_wan,fund_document_ids,source_document_id,source_table,row_no,arose_on,published_at,note";

    const string AnnouncementHeader = "id,title,county_code,publisher,arose_on,published_at,body,source_document_id,note";

    const string DocumentHeader = "id,number,title,issuer,issued_on,fund_level,fiscal_year,kind,task,budget_subjects,direct_fund_flag,arose_on,"
        + "published_at,source,note";

    public static (string Dataset, string Csv) Projects(params (string Code, string County, string Name, string? AroseOn, string? PublishedAt, decimal AmountWan)[] rows) =>
        ProjectsListedIn("wusu-2024-budget", rows);

    /// <summary>Projects whose source (the document that lists them) is <paramref name="documentId"/>.</summary>
    public static (string Dataset, string Csv) ProjectsListedIn(string documentId, params (string Code, string County, string Name, string? AroseOn, string? PublishedAt, decimal AmountWan)[] rows) =>
        ("projects", ProjectHeader + "\n" + string.Join("\n", rows.Select(r =>
            $"{r.Code},linkage,2026,{r.Name},{r.County},{r.AmountWan},,printed,测试责任单位,,,,,,{documentId},测试表,,{r.AroseOn},{r.PublishedAt},测试记录")));

    public static (string Dataset, string Csv) Announcements(params (string Id, string County, string Title, string? AroseOn, string? PublishedAt)[] rows) =>
        ("announcements", AnnouncementHeader + "\n" + string.Join("\n", rows.Select(r =>
            $"{r.Id},{r.Title},{r.County},测试发布单位,{r.AroseOn},{r.PublishedAt},测试公告正文,wusu-2024-budget,测试记录")));

    public static (string Dataset, string Csv) Documents(params (string Id, string Title, string Issuer, string? AroseOn, string? PublishedAt)[] rows) =>
        ("documents", DocumentHeader + "\n" + string.Join("\n", rows.Select(r =>
            $"{r.Id},,{r.Title},{r.Issuer},{r.AroseOn},,2026,rules,,,,{r.AroseOn},{r.PublishedAt},测试,测试记录")));

    public static void Import(PortalFactory portal, params (string Dataset, string Csv)[] files)
    {
        var directory = TestDatabase.NewDirectory("records");
        var paths = files.Select((f, i) =>
        {
            var path = Path.Combine(directory, $"{f.Dataset}.{i}.csv");
            File.WriteAllText(path, f.Csv + "\n");
            return path;
        }).ToList();
        portal.Services.GetRequiredService<Importer>().Import(paths);
    }
}
