namespace LinkagePortal.Api;

/// <summary>
/// Adds a resource's request filters to the SQL. Records a 400 on the query (<see cref="ApiQuery.Fail"/>) or returns
/// a result (a 404 for an unknown parent id) to answer instead of the list.
/// </summary>
public delegate Task<IResult?> FilterBuilder(ApiQuery query, SqlFilter filter, Db db, HttpContext http);

public static class ApiRoutes
{
    /// <summary>Where every open-data resource lives; the OpenAPI document describes the routes under it.</summary>
    public const string Prefix = "/api/v1";

    /// <summary>The CORS policy of every GET under <see cref="Prefix"/>: open to any origin.</summary>
    public const string CorsPolicy = "open-data";

    /// <summary>Maps a list as JSON pages at <paramref name="path"/> and as a full CSV export at path + ".csv".</summary>
    public static void MapList<TRow>(this IEndpointRouteBuilder api, string path, string summary, string description,
        ApiParam[] filters, ListSource<TRow> source, FilterBuilder build, (string Name, string Description, string Example)? pathParameter = null)
        where TRow : class
    {
        api.MapGet(path, async (HttpContext http, Db db, TimeProvider clock) =>
        {
            var (query, filter, early) = await Prepare(http, db, clock, build);
            return early ?? await ApiList.Page(http, db, source, filter, query);
        }).WithMetadata(new ApiOperation(summary, description + " 分页返回：见 limit、cursor 与响应中的 next。", ResponseShape.List,
            [.. filters, ApiParam.Limit, ApiParam.Cursor, ApiParam.IncludeTotal]) { Dataset = source.Dataset, Fields = source.Fields, PathParameter = pathParameter });

        api.MapGet(path + ".csv", async (HttpContext http, Db db, TimeProvider clock) =>
        {
            var (query, filter, early) = await Prepare(http, db, clock, build);
            return early ?? ApiList.Csv(db, source, filter, query);
        }).WithMetadata(new ApiOperation(summary + "（CSV）", description + " CSV 一次给出全部匹配的行（不分页），边查边写。", ResponseShape.Csv,
            [.. filters, ApiParam.Bom, ApiParam.Excel]) { Dataset = source.Dataset, Fields = source.Fields, PathParameter = pathParameter });

        api.MapGet(path + ".ndjson", async (HttpContext http, Db db, TimeProvider clock) =>
        {
            var (_, filter, early) = await Prepare(http, db, clock, build);
            return early ?? new NdjsonExport<TRow>(db, source, filter);
        }).WithMetadata(new ApiOperation(summary + "（NDJSON）", description + " NDJSON 每行一个 JSON 对象（字段同 JSON 列表的 items），一次给出全部匹配的行，边查边写。",
            ResponseShape.Ndjson, filters) { Dataset = source.Dataset, Fields = source.Fields, PathParameter = pathParameter });
    }

    /// <summary>Maps one item by its id: <paramref name="keyCondition"/> compares the key column with @id.</summary>
    public static void MapItem<TRow>(this IEndpointRouteBuilder api, string path, string summary, ListSource<TRow> source,
        string keyCondition, string[] visibility, (string Name, string Description, string Example) pathParameter, string notFound)
        where TRow : class
    {
        api.MapGet(path, async (HttpContext http, Db db, TimeProvider clock) =>
        {
            var query = ApiQuery.Parse(http);
            if (!query.IsValid)
            {
                return ApiProblems.BadRequest(query);
            }

            var id = http.GetRouteValue(pathParameter.Name)?.ToString() ?? "";
            var filter = new SqlFilter(clock.GetUtcNow().UtcDateTime).And(keyCondition, new { id });
            foreach (var condition in visibility)
            {
                filter.And(condition);
            }

            return await ApiList.Item(http, db, source, filter, string.Format(System.Globalization.CultureInfo.InvariantCulture, notFound, id));
        }).WithMetadata(new ApiOperation(summary, summary + "。不存在或尚未公开时返回 404。", ResponseShape.Item, [])
        {
            Dataset = source.Dataset,
            Fields = source.Fields,
            PathParameter = pathParameter,
        });
    }

    static async Task<(ApiQuery Query, SqlFilter Filter, IResult? Early)> Prepare(HttpContext http, Db db, TimeProvider clock, FilterBuilder build)
    {
        var query = ApiQuery.Parse(http);
        var filter = new SqlFilter(clock.GetUtcNow().UtcDateTime);
        if (!query.IsValid)
        {
            return (query, filter, ApiProblems.BadRequest(query));
        }

        var early = await build(query, filter, db, http);
        return (query, filter, early ?? (query.IsValid ? null : ApiProblems.BadRequest(query)));
    }

    const string RegionExists = "SELECT COUNT(*) FROM regions WHERE code = @code";

    /// <summary>Checks that a region code given as a filter exists (an unknown code is a 400 naming the parameter).</summary>
    public static async Task<bool> CheckRegionAsync(ApiQuery query, string parameter, string code, Db db)
    {
        await using var connection = await db.OpenAsync();
        if (await connection.ExecuteScalarAsync<long>(RegionExists, new { code }) > 0)
        {
            return true;
        }

        query.Fail(parameter, $"没有代码为 {code} 的区划（区划代码见 /api/v1/regions）。");
        return false;
    }
}
