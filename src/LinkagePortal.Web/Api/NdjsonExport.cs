using System.Buffers;
using System.Text.Json;

namespace LinkagePortal.Api;

/// <summary>
/// A list as newline-delimited JSON (one object per line, the same fields as the JSON list's items): every matching
/// row streamed as the CSV export is, so a client can read the whole dataset line by line without paging.
/// </summary>
public sealed class NdjsonExport<TRow>(Db db, ListSource<TRow> source, SqlFilter filter) : IResult where TRow : class
{
    public const string ContentType = "application/x-ndjson; charset=utf-8";

    public async Task ExecuteAsync(HttpContext http)
    {
        var cancel = http.RequestAborted;
        http.Response.ContentType = ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{source.Dataset}.ndjson\"";
        var body = http.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, JsonFormat.Options);
        await foreach (var row in RowStream.ReadAsync(db, source, filter, cancel))
        {
            JsonFormat.WriteObject(writer, row, source.Fields);
            await writer.FlushAsync(cancel);
            writer.Reset();
            body.Write("\n"u8);
            if (body.UnflushedBytes > 32 * 1024)
            {
                await body.FlushAsync(cancel);
            }
        }

        await body.FlushAsync(cancel);
    }
}
