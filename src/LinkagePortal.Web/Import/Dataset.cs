namespace LinkagePortal.Import;

/// <summary>
/// A kind of data file (<c>content/data/&lt;name&gt;.csv</c>): its columns, how a row is read and checked, how the
/// checked rows are written. Reading never writes; writing happens only when no row of the file failed.
/// </summary>
public abstract class Dataset<TRow> : IDataset where TRow : class
{
    public abstract string Name { get; }
    public abstract string[] Columns { get; }
    public virtual string[] OptionalColumns => [];

    /// <summary>Reads and checks one row; records errors on the record and may return null.</summary>
    protected abstract TRow? Read(CsvRecord record, ImportContext context);

    /// <summary>Writes one checked row.</summary>
    protected abstract void Write(TRow row, ImportContext context);

    /// <summary>The row's natural key, when a file may hold it only once.</summary>
    protected virtual string? Key(TRow row) => null;

    /// <summary>How the rows are kept on the record (versions, withdrawal); null for kinds that are not public records.</summary>
    protected virtual Versioning<TRow>? Versioning => null;

    public bool OnRecord => Versioning is not null;

    /// <summary>
    /// Notes whose cached pages show a record that changed (<see cref="ImportContext.ChangedCounties"/>), given the stored
    /// record it replaced (null: a new one). By default every page: a kind that knows which counties show it says so.
    /// </summary>
    protected virtual void Changed(TRow row, VersionWriter.Stored? before, ImportContext context) => context.ChangedCounties.Everything();

    /// <summary>Runs once before the rows are written, e.g. to clear the child rows that the file replaces.</summary>
    protected virtual void BeforeWrite(IReadOnlyList<TRow> rows, ImportContext context)
    {
    }

    public IImportBatch Read(IEnumerable<CsvRecord> records, ImportContext context)
    {
        var rows = new List<(int Line, TRow Row, string? Reason)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (Read(record, context) is not { } row)
            {
                continue;
            }

            if (Key(row) is { } key && !seen.TryAdd(key, record.Line))
            {
                record.Fail(Columns[0], $"'{key}' is given twice: also on line {seen[key]}");
            }

            rows.Add((record.Line, row, record.Optional(VersionWriter.ReasonColumn)));
        }

        return new Batch(this, rows);
    }

    sealed class Batch(Dataset<TRow> dataset, List<(int Line, TRow Row, string? Reason)> rows) : IImportBatch
    {
        public int Count => rows.Count;

        public void Write(ImportContext context, Action<int, Exception> failed)
        {
            var versioning = dataset.Versioning;
            if (versioning is null)
            {
                // No versions say which rows changed: the file counts as changing whatever it holds.
                context.ChangedCounties.Everything();
            }

            dataset.BeforeWrite(rows.Select(r => r.Row).ToList(), context);
            foreach (var (line, row, reason) in rows)
            {
                try
                {
                    var before = versioning is null ? null : context.Versions.Before(versioning, row, context);
                    dataset.Write(row, context);
                    if (versioning is not null && context.Versions.After(versioning, row, before, line, reason, context))
                    {
                        dataset.Changed(row, before, context);
                    }
                }
                catch (System.Data.Common.DbException e)
                {
                    failed(line, e);
                    return;
                }
            }

            if (versioning is not null)
            {
                context.Versions.WithdrawMissing(versioning, rows.Select(r => r.Row).ToList(), context);
            }
        }
    }
}

public interface IDataset
{
    string Name { get; }
    string[] Columns { get; }
    string[] OptionalColumns { get; }

    /// <summary>Whether every change of its records is kept as a version (so that an import writing none changed nothing).</summary>
    bool OnRecord { get; }
    IImportBatch Read(IEnumerable<CsvRecord> records, ImportContext context);
}

public interface IImportBatch
{
    int Count { get; }
    void Write(ImportContext context, Action<int, Exception> failed);
}
