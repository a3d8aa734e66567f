using System.Runtime.CompilerServices;

namespace LinkagePortal.Api;

/// <summary>
/// Every matching row of a list, read unbuffered in key order, with its child lists attached a batch at a time: what
/// the streamed exports (CSV, NDJSON) write. Memory holds one batch (<see cref="ApiList.BatchSize"/> rows), whatever
/// the row count.
/// </summary>
public static class RowStream
{
    public static async IAsyncEnumerable<TRow> ReadAsync<TRow>(Db db, ListSource<TRow> source, SqlFilter filter,
        [EnumeratorCancellation] CancellationToken cancel) where TRow : class
    {
        await using var connection = await db.OpenAsync(cancel);
        await using var children = source.AttachChildren is null ? null : await db.OpenAsync(cancel);
        var batch = new List<TRow>(ApiList.BatchSize);
        var rows = ApiList.RowsAsync(connection, source, source.Select + " " + source.From + filter.Where() + $" ORDER BY {source.Key}", filter.Parameters, cancel);
        await foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count < ApiList.BatchSize)
            {
                continue;
            }

            await AttachAsync(batch);
            foreach (var ready in batch)
            {
                yield return ready;
            }

            batch.Clear();
        }

        await AttachAsync(batch);
        foreach (var ready in batch)
        {
            yield return ready;
        }

        async Task AttachAsync(List<TRow> rowsOfBatch)
        {
            if (children is not null && rowsOfBatch.Count > 0)
            {
                await source.AttachChildren!(children, rowsOfBatch, BatchScope.For(source, filter, rowsOfBatch));
            }
        }
    }
}
