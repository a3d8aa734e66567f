using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace LinkagePortal.Api;

/// <summary>Conditions of one list request: the embargo filter, the request's filters, their parameters.</summary>
public sealed class SqlFilter
{
    readonly List<string> conditions = [];

    public SqlFilter(DateTime now)
    {
        Now = now;
        Parameters.Add("now", now);
    }

    public DateTime Now { get; }

    public DynamicParameters Parameters { get; } = new();

    public SqlFilter And(string condition, object? parameters = null)
    {
        conditions.Add(condition);
        if (parameters is not null)
        {
            Parameters.AddDynamicParams(parameters);
        }

        return this;
    }

    /// <summary>The column and values of <see cref="InParts"/>, when the list is made of parts.</summary>
    public (string Column, IReadOnlyList<string> Values)? Parts { get; private set; }

    /// <summary>
    /// Rows whose <paramref name="column"/> is one of <paramref name="values"/> (a prefecture's counties), each value a
    /// part that an index (column, key) gives in key order: a page reads the first rows of each part and merges them,
    /// where a range on the column had the database read and sort every matching row before the first page.
    /// </summary>
    public SqlFilter InParts(string column, IReadOnlyList<string> values)
    {
        Parts = (column, values);
        Parameters.Add("parts", values);
        return this;
    }

    public string Where(string? extra = null) =>
        Render([.. conditions, .. Parts is var (column, _) ? [$"{column} IN @parts"] : Array.Empty<string>(), .. extra is null ? [] : new[] { extra }]);

    /// <summary>The conditions within part <paramref name="part"/> of <see cref="Parts"/> (its column equal to its value), and <paramref name="extra"/>.</summary>
    public string WhereInPart(int part, string? extra)
    {
        var (column, values) = Parts!.Value;
        Parameters.Add($"part{part}", values[part]);
        return Render([.. conditions, $"{column} = @part{part}", .. extra is null ? [] : new[] { extra }]);
    }

    static string Render(List<string> all) => all.Count == 0 ? "" : " WHERE " + string.Join(" AND ", all);

    /// <summary>"Everything under region C": the parameters of <see cref="RegionCodes.Under"/>.</summary>
    public static object Under(string code) => RegionCodes.Parameters(code);
}

/// <summary>
/// A dataset as a list: its SQL (select list, FROM with joins), the keyset key it is paged on, its fields, and the
/// optional second query that fills child lists (villages, document ids) for a batch of rows.
/// </summary>
public sealed class ListSource<TRow> where TRow : class
{
    public required string Dataset { get; init; }
    public required string Select { get; init; }
    public required string From { get; init; }

    /// <summary>The unique column the list is ordered and paged on.</summary>
    public required string Key { get; init; }

    public required KeyKind KeyKind { get; init; }
    public required Func<TRow, object> KeyOf { get; init; }
    public required IReadOnlyList<ApiField<TRow>> Fields { get; init; }

    /// <summary>
    /// Reads a row of <see cref="Select"/> by ordinal, where Dapper's mapping (a boxed value and a type check per
    /// column) cost a large share of a page or an export; without it, Dapper maps the rows.
    /// </summary>
    public Func<DbDataReader, TRow>? Read { get; init; }

    /// <summary>Fills child lists of a batch of rows (at most <see cref="ApiList.BatchSize"/>) with one query per kind.</summary>
    public Func<DbConnection, IReadOnlyList<TRow>, BatchScope, Task>? AttachChildren { get; init; }

    /// <summary>
    /// The list's total from totals kept at write time, when the request's filters are ones they answer (null
    /// otherwise: the total is counted).
    /// </summary>
    public Func<DbConnection, ApiQuery, DateTime, Task<long?>>? MaintainedTotal { get; init; }
}

/// <summary>
/// The rows of one batch as SQL: the list's FROM and its request's conditions, narrowed to the batch's key range.
/// A child query joins its table to this and gets exactly the children of the batch, using the key's index, however
/// sparse the filter (a range of ids alone could cover millions of other rows' children).
/// </summary>
public sealed record BatchScope(string From, string Where, DynamicParameters Parameters, DateTime Now)
{
    public static BatchScope For<TRow>(ListSource<TRow> source, SqlFilter filter, IReadOnlyList<TRow> batch) where TRow : class
    {
        var parameters = new DynamicParameters(filter.Parameters);
        parameters.Add("batchFirst", source.KeyOf(batch[0]));
        parameters.Add("batchLast", source.KeyOf(batch[^1]));
        return new BatchScope(source.From, filter.Where($"{source.Key} >= @batchFirst AND {source.Key} <= @batchLast"), parameters, filter.Now);
    }

    /// <summary>
    /// Runs a child query (<paramref name="sql"/> with {0} for the batch's FROM, {1} for its WHERE) and adds each
    /// child to its row. A row inserted since the batch was read may fall in its key range; its children are skipped.
    /// </summary>
    public async Task AttachAsync<TKey, TRow, TChild>(DbConnection connection, string sql, IReadOnlyDictionary<TKey, TRow> rows,
        Func<TChild, TKey> parentOf, Action<TRow, TChild> add) where TKey : notnull
    {
        foreach (var child in await connection.QueryAsync<TChild>(string.Format(CultureInfo.InvariantCulture, sql, From, Where), Parameters))
        {
            if (rows.TryGetValue(parentOf(child), out var row))
            {
                add(row, child);
            }
        }
    }
}

/// <summary>
/// Runs a <see cref="ListSource{TRow}"/>: JSON pages (keyset, bounded, with the count, Link header and next URL),
/// single items, and CSV exports that stream every matching row from an unbuffered reader to the response.
/// </summary>
public static class ApiList
{
    public const int BatchSize = 1000;

    public static async Task<IResult> Page<TRow>(HttpContext http, Db db, ListSource<TRow> source, SqlFilter filter, ApiQuery query) where TRow : class
    {
        var limit = (int)(query.Integer("limit") ?? Paging.DefaultLimit);
        var fingerprint = http.Request.Path + "?" + query.Fingerprint();
        string? afterCursor = null;
        if (query.Text("cursor") is { } token)
        {
            if (!Cursor.TryDecode(token, source.Dataset, fingerprint, source.KeyKind, out var after, out var error))
            {
                return ApiProblems.BadRequest("cursor", error);
            }

            filter.Parameters.Add("after", after);
            afterCursor = $"{source.Key} > @after";
        }

        filter.Parameters.Add("take", limit + 1);
        await using var connection = await db.OpenAsync(http.RequestAborted);
        var total = query.Boolean(ApiParam.IncludeTotal.Name) ? await TotalAsync(connection, source, filter, query) : null;

        // One page is at most limit + 1 rows (the extra one only says whether there is a next page).
        var rows = new List<TRow>(limit + 1);
        await foreach (var row in RowsAsync(connection, source, PageSql(db.Dialect, source, filter, afterCursor), filter.Parameters, http.RequestAborted))
        {
            rows.Add(row);
        }

        var hasNext = rows.Count > limit;
        if (hasNext)
        {
            rows.RemoveAt(limit);
        }

        if (source.AttachChildren is { } attach)
        {
            foreach (var batch in rows.Chunk(BatchSize))
            {
                await attach(connection, batch, BatchScope.For(source, filter, batch));
            }
        }

        string? next = null;
        if (hasNext)
        {
            next = NextUrl(http.Request, Cursor.Encode(source.Dataset, fingerprint, source.KeyOf(rows[^1])));
            http.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        return new JsonPage(total, rows, source.Fields, next);
    }

    /// <summary>The rows of <paramref name="sql"/> as they are read: by the source's <see cref="ListSource{TRow}.Read"/>, else Dapper's mapping.</summary>
    public static async IAsyncEnumerable<TRow> RowsAsync<TRow>(DbConnection connection, ListSource<TRow> source, string sql, object parameters,
        [EnumeratorCancellation] CancellationToken cancel) where TRow : class
    {
        if (source.Read is not { } read)
        {
            await foreach (var row in connection.QueryUnbufferedAsync<TRow>(sql, parameters).WithCancellation(cancel))
            {
                yield return row;
            }

            yield break;
        }

        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancel));
        while (await reader.ReadAsync(cancel))
        {
            yield return read(reader);
        }
    }

    /// <summary>
    /// One page (limit + 1 rows) after the cursor's key. With parts, each part's first keys are read in key order and
    /// the page is the first of their union: a page reads parts × (limit + 1) keys, however many rows match.
    /// </summary>
    internal static string PageSql<TRow>(SqlDialect dialect, ListSource<TRow> source, SqlFilter filter, string? afterCursor) where TRow : class
    {
        var order = $" ORDER BY {source.Key}" + dialect.Limit("@take");
        if (filter.Parts is not (_, { Count: > 0 } values))
        {
            return source.Select + " " + source.From + filter.Where(afterCursor) + order;
        }

        var parts = values.Select((_, i) => $"SELECT k FROM (SELECT {source.Key} AS k {source.From}{filter.WhereInPart(i, afterCursor)}{order}) part{i}");
        return $"{source.Select} {source.From} WHERE {source.Key} IN ({string.Join(" UNION ALL ", parts)}){order}";
    }

    /// <summary>The number of rows the filter matches: from the maintained totals where they answer, else counted.</summary>
    static async Task<long?> TotalAsync<TRow>(DbConnection connection, ListSource<TRow> source, SqlFilter filter, ApiQuery query) where TRow : class =>
        (source.MaintainedTotal is { } maintained ? await maintained(connection, query, filter.Now) : null)
        ?? await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) " + source.From + filter.Where(), filter.Parameters);

    public static async Task<IResult> Item<TRow>(HttpContext http, Db db, ListSource<TRow> source, SqlFilter filter, string notFound) where TRow : class
    {
        await using var connection = await db.OpenAsync(http.RequestAborted);
        var row = (await connection.QueryAsync<TRow>(source.Select + " " + source.From + filter.Where(), filter.Parameters)).FirstOrDefault();
        if (row is null)
        {
            return ApiProblems.NotFound(notFound);
        }

        if (source.AttachChildren is { } attach)
        {
            await attach(connection, [row], BatchScope.For(source, filter, [row]));
        }

        return new JsonItem(row, source.Fields);
    }

    public static IResult Csv<TRow>(Db db, ListSource<TRow> source, SqlFilter filter, ApiQuery query) where TRow : class =>
        new CsvExport<TRow>(db, source, filter, query.Boolean("bom"), query.Boolean("excel"));

    static string NextUrl(HttpRequest request, string cursor)
    {
        var parameters = request.Query.Where(q => q.Key != "cursor" && !ApiQuery.IsIgnored(q.Key))
            .Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString()))
            .Append(KeyValuePair.Create("cursor", (string?)cursor));
        return $"{Hosting.PublicBaseUrl.Of(request)}{request.Path}{QueryString.Create(parameters)}";
    }

    sealed class JsonPage(long? total, IReadOnlyList<object> rows, IReadOnlyList<ApiField> fields, string? next) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = JsonFormat.ContentType;
            await using var writer = new Utf8JsonWriter(http.Response.BodyWriter, JsonFormat.Options);
            writer.WriteStartObject();
            if (total is { } count)
            {
                writer.WriteNumber("total", count);
            }
            else
            {
                writer.WriteNull("total");
            }

            writer.WriteStartArray("items");
            foreach (var row in rows)
            {
                JsonFormat.WriteObject(writer, row, fields);
                if (writer.BytesPending > 32 * 1024)
                {
                    await writer.FlushAsync(http.RequestAborted);
                    await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
                }
            }

            writer.WriteEndArray();
            writer.WriteString("next", next);
            writer.WriteEndObject();
            await writer.FlushAsync(http.RequestAborted);
            await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
        }
    }

    sealed class JsonItem(object row, IReadOnlyList<ApiField> fields) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = JsonFormat.ContentType;
            await using var writer = new Utf8JsonWriter(http.Response.BodyWriter, JsonFormat.Options);
            JsonFormat.WriteObject(writer, row, fields);
            await writer.FlushAsync(http.RequestAborted);
        }
    }

    /// <summary>
    /// Every matching row, read unbuffered and written as it comes: memory holds one batch of rows (for their child
    /// lists) and the writer's buffer, whatever the row count. Not output-cached (no cache policy on any API route).
    /// </summary>
    sealed class CsvExport<TRow>(Db db, ListSource<TRow> source, SqlFilter filter, bool bom, bool excelCodes) : IResult where TRow : class
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var cancel = http.RequestAborted;
            http.Response.ContentType = CsvFormat.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{source.Dataset}.csv\"";
            var columns = CsvFormat.Columns(source.Fields);

            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 32 * 1024);
            var line = new StringBuilder(20 * 1024);
            if (bom)
            {
                line.Append('\uFEFF');
            }

            CsvFormat.AppendHeader(line, columns);
            await writer.WriteAsync(line, cancel);

            line.Clear();

            // Rows are collected until some 16 K characters and written together: an awaited write per row cost
            // more than formatting the row.
            await foreach (var row in RowStream.ReadAsync(db, source, filter, cancel))
            {
                CsvFormat.AppendRow(line, row, columns, excelCodes);
                if (line.Length >= 16 * 1024)
                {
                    await writer.WriteAsync(line, cancel);
                    line.Clear();
                }
            }

            await writer.WriteAsync(line, cancel);
            await writer.FlushAsync(cancel);
        }
    }
}
