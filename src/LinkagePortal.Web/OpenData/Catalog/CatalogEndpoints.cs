using System.Globalization;
using LinkagePortal.Api;
using LinkagePortal.Rendering;

namespace LinkagePortal.OpenData;

public sealed record SourceDocument
{
    public required string Id { get; init; }
    public required string Label { get; init; }
}

/// <summary>What the catalog says of a dataset now: public rows, last change, source documents.</summary>
public sealed record DatasetFacts(OpenDataset Dataset, long RowCount, DateTime LastChanged, IReadOnlyList<SourceDocument> Sources);

/// <summary>/datasets (the catalog page), the data dictionary (page and JSON), datapackage.json per dataset, DCAT.</summary>
public static class CatalogEndpoints
{
    // Only public documents are named as sources: a contact's or notice's source may still be embargoed.
    const string DocumentLabels = $"""
        SELECT d.id, COALESCE(d.number, d.title) AS Label FROM documents d
        WHERE d.id IN @ids AND {Public.Documents} ORDER BY d.id
        """;

    public sealed record DatasetCard(string Name, string Title, string Description, string RowCount, DateTime LastChanged, Licence Licence,
        IReadOnlyList<SourceDocument> Sources, string[] ExternalSources, string CsvUrl, string JsonUrl, string DataPackageUrl, IReadOnlyList<FieldLine> Fields);

    public sealed record FieldLine(string Name, string Type, string Description, string NullMeans, string Where);

    public sealed record CatalogModel(IReadOnlyList<DatasetCard> Datasets, IReadOnlyList<Dictionary.Note> Notes, Licence Licence);

    public static void Map(IEndpointRouteBuilder routes, string corsPolicy)
    {
        routes.MapGet("/datasets", async (Db db, DataVersion version, TimeProvider clock, PageRenderer pages) =>
            pages.Page("OpenData/Catalog/DatasetsPage", await ModelAsync(db, version, clock), "开放数据"))
            .WithFreshness();

        routes.MapGet("/datasets/dictionary", async (Db db, DataVersion version, TimeProvider clock, PageRenderer pages) =>
            pages.Page("OpenData/Catalog/DictionaryPage", await ModelAsync(db, version, clock), "数据字典"))
            .WithFreshness();

        routes.MapGet("/datasets/dictionary.json", (HttpRequest request) => CatalogDocuments.Json(Dictionary.Json(BaseUrl(request))))
            .WithFreshness().RequireCors(corsPolicy);

        routes.MapGet("/datasets/{name}/datapackage.json", async (string name, HttpRequest request, Db db, DataVersion version, TimeProvider clock) =>
            OpenDatasets.Find(name) is { } dataset
                ? CatalogDocuments.Json(CatalogDocuments.DataPackage(dataset, await FactsAsync(db, dataset, version, clock.GetUtcNow().UtcDateTime), BaseUrl(request)))
                : Results.Problem(title: "不存在（404）", detail: $"没有名为 {name} 的数据集。数据集见 /datasets。", statusCode: StatusCodes.Status404NotFound))
            .WithFreshness().RequireCors(corsPolicy);

        routes.MapGet("/datasets/catalog.jsonld", async (HttpRequest request, Db db, DataVersion version, TimeProvider clock) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var facts = new List<DatasetFacts>();
            foreach (var dataset in OpenDatasets.All)
            {
                facts.Add(await FactsAsync(db, dataset, version, now));
            }

            return CatalogDocuments.Json(CatalogDocuments.Dcat(facts, BaseUrl(request), await FiscalYearsAsync(db, now)), "application/ld+json; charset=utf-8");
        }).WithFreshness().RequireCors(corsPolicy);
    }

    // The fiscal years the public documents cover: the catalog's temporal coverage.
    const string FiscalYears = $"SELECT MIN(d.fiscal_year) AS FromYear, MAX(d.fiscal_year) AS ToYear FROM documents d WHERE d.fiscal_year IS NOT NULL AND {Public.Documents}";

    static async Task<(int From, int To)?> FiscalYearsAsync(Db db, DateTime now)
    {
        await using var connection = await db.OpenAsync();
        var years = await connection.QuerySingleAsync<(long? FromYear, long? ToYear)>(FiscalYears, new { now });
        return years is { FromYear: { } from, ToYear: { } to } ? ((int)from, (int)to) : null;
    }

    public static string BaseUrl(HttpRequest request) => Hosting.PublicBaseUrl.Of(request);

    public static async Task<DatasetFacts> FactsAsync(Db db, OpenDataset dataset, DataVersion version, DateTime now)
    {
        await using var connection = await db.OpenAsync();
        var count = await connection.ExecuteScalarAsync<long>(dataset.Rows.CountSql, new { now });
        var lastChanged = version.ChangedAt;
        if (dataset.Rows.LastPublishedSql is not null && EmbargoBoundary.AsUtc(await connection.ExecuteScalarAsync<object?>(dataset.Rows.LastPublishedSql, new { now })) is { } published
            && published > lastChanged)
        {
            lastChanged = published;
        }

        IReadOnlyList<SourceDocument> sources = [];
        if (dataset.Rows.SourcesSql is not null)
        {
            var ids = (await connection.QueryAsync<string>(dataset.Rows.SourcesSql, new { now })).ToArray();
            sources = ids.Length == 0 ? [] : (await connection.QueryAsync<SourceDocument>(DocumentLabels, new { ids, now })).ToList();
        }

        return new DatasetFacts(dataset, count, DateTime.SpecifyKind(lastChanged, DateTimeKind.Utc), sources);
    }

    static async Task<CatalogModel> ModelAsync(Db db, DataVersion version, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cards = new List<DatasetCard>();
        foreach (var dataset in OpenDatasets.All)
        {
            var facts = await FactsAsync(db, dataset, version, now);
            cards.Add(new DatasetCard(dataset.Name, dataset.Title, dataset.Description, facts.RowCount.ToString("#,##0", CultureInfo.InvariantCulture),
                Dates.ToBeijing(facts.LastChanged), dataset.Licence, facts.Sources, dataset.ExternalSources, dataset.CsvPath, dataset.JsonPath,
                $"/datasets/{dataset.Name}/datapackage.json", [.. FieldLines(dataset.Fields, "")]));
        }

        return new CatalogModel(cards, Dictionary.Notes, OpenDatasets.PortalLicence);
    }

    static IEnumerable<FieldLine> FieldLines(IEnumerable<ApiField> fields, string prefix)
    {
        foreach (var f in fields)
        {
            var where = (f.InJson, f.InCsv) switch { (true, true) => "JSON、CSV", (true, false) => "仅 JSON", _ => "仅 CSV" };
            var description = f.Description
                + (f.Unit is null ? "" : $" 单位：{f.Unit}。")
                + (f.Values.Length == 0 ? "" : $" 取值：{string.Join("、", f.Values)}。");
            yield return new FieldLine(prefix + f.Name, Dictionary.TypeLabel(f.Type), description, f.NullMeans ?? (f.Nullable ? "没有这个值" : "不会为空"), where);
            foreach (var sub in FieldLines(f.SubFields, prefix + f.Name + "[]."))
            {
                yield return sub;
            }
        }
    }
}
