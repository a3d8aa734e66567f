using Dapper;
using LinkagePortal.Data;

namespace LinkagePortal.Import;

/// <summary>
/// Loads data files into the configured database: every row of every file is read and checked first, then all are
/// written in one transaction. Any error refuses the whole import and leaves the database as it was.
/// </summary>
public sealed class Importer(Db db, TimeProvider clock)
{
    const string BumpDataVersion = "UPDATE data_version SET version = version + 1, changed_at = @now WHERE id = 1";
    const string CountRegions = "SELECT COUNT(*) FROM regions";
    const string LastVersion = "SELECT COALESCE(MAX(id), 0) FROM record_versions";

    public event Action? DataChanged;

    /// <summary>Imports files (each named <c>&lt;dataset&gt;.csv</c>) in dataset load order; returns rows written per file.</summary>
    /// <param name="reason">Why the records change (versions' reason where a row gives no <c>change_reason</c>).</param>
    /// <param name="full">Each file holds its whole kind: stored projects, notices and allocations it lacks are withdrawn.</param>
    public IReadOnlyList<(string File, int Rows)> Import(IEnumerable<string> paths, string? reason = null, bool full = false) =>
        Import(paths, new VersionWriter(clock.GetUtcNow().UtcDateTime, reason, full));

    /// <summary>As <see cref="Import(IEnumerable{string}, string?, bool)"/>, with the versions written as <paramref name="versions"/> says.</summary>
    public IReadOnlyList<(string File, int Rows)> Import(IEnumerable<string> paths, VersionWriter versions)
    {
        var files = paths.Select(p => (Path: p, Dataset: Datasets.ForFile(p))).ToList();
        var unknown = files.Where(f => f.Dataset is null).Select(f => new ImportError(Path.GetFileName(f.Path), 0, "",
            $"the file name does not say what it holds; name it one of {string.Join(", ", Datasets.InLoadOrder.Select(d => d.Name + ".csv"))}")).ToList();
        if (unknown.Count > 0)
        {
            throw new ImportRejectedException(unknown);
        }

        var ordered = files.OrderBy(f => Array.IndexOf(Datasets.InLoadOrder, f.Dataset)).ToList();
        using var connection = db.OpenForImport();
        using var transaction = connection.BeginTransaction();
        var context = new ImportContext(connection, transaction, db.Dialect) { Versions = versions };
        var lastVersion = connection.ExecuteScalar<long>(LastVersion, transaction: transaction);
        var errors = new List<ImportError>();
        var written = new List<(string, int)>();
        foreach (var (path, dataset) in ordered)
        {
            var name = Path.GetFileName(path);
            var fileErrors = new List<ImportError>();
            var batch = dataset!.Read(ReadRecords(path, name, dataset, fileErrors), context);
            errors.AddRange(fileErrors);
            if (errors.Count > 0)
            {
                continue;
            }

            context.Versions.File = name;
            batch.Write(context, (line, e) => errors.Add(new ImportError(name, line, "", $"the database refused the row: {e.Message}")));
            written.Add((name, batch.Count));
        }

        if (errors.Count > 0)
        {
            transaction.Rollback();
            throw new ImportRejectedException(errors.Take(200).ToList());
        }

        context.Versions.Committing?.Invoke(context);
        FragmentIndex.Refresh(connection, transaction, context.ProjectsWritten);
        RegionTotals.Refresh(connection, transaction, context.TotalsChanged, context.ProjectsWritten);
        // Files that change nothing (every record on the record as stored) leave the data version as it was: no cached
        // page is evicted and no background work is redone. A kind not on the record is taken as changed.
        var changed = ordered.Any(f => !f.Dataset!.OnRecord) || connection.ExecuteScalar<long>(LastVersion, transaction: transaction) != lastVersion;
        if (changed)
        {
            connection.Execute(BumpDataVersion, new { now = clock.GetUtcNow().UtcDateTime }, transaction);
            if (versions.Committing is not null)
            {
                // A publication also writes its own record and marks what it published: not placed in counties.
                context.ChangedCounties.Everything();
            }

            context.ChangedCounties.Write(connection, transaction);
        }

        transaction.Commit();
        if (changed)
        {
            DataChanged?.Invoke();
        }

        return written;
    }

    /// <summary>Seeds an empty database from every data file of the folder; a database that has regions is left alone.</summary>
    public bool SeedIfEmpty(string dataDirectory)
    {
        using (var connection = db.Open())
        {
            if (connection.ExecuteScalar<long>(CountRegions) > 0)
            {
                return false;
            }
        }

        Import(Datasets.InLoadOrder.Select(d => Path.Combine(dataDirectory, d.Name + ".csv")).Where(File.Exists),
            new VersionWriter(clock.GetUtcNow().UtcDateTime, "首次载入本站整理的公开文件数据", seed: true));
        return true;
    }

    static IEnumerable<CsvRecord> ReadRecords(string path, string name, IDataset dataset, List<ImportError> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(new ImportError(name, 0, "", "file not found"));
            yield break;
        }

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var rows = CsvFile.Read(reader, (line, reason) => errors.Add(new ImportError(name, line, "", $"malformed CSV: {reason}"))).GetEnumerator();
        if (!rows.MoveNext())
        {
            errors.Add(new ImportError(name, 1, "", "the file is empty; the first line must name the columns"));
            yield break;
        }

        var header = rows.Current.Fields.Select((column, index) => (Column: column.Trim(), Index: index)).ToList();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (column, index) in header)
        {
            if (!dataset.Columns.Contains(column) && column != VersionWriter.ReasonColumn)
            {
                errors.Add(new ImportError(name, 1, column, $"unknown column; {dataset.Name}.csv has {string.Join(", ", dataset.Columns)}"));
            }
            else if (!byName.TryAdd(column, index))
            {
                errors.Add(new ImportError(name, 1, column, "the column is named twice"));
            }
        }

        foreach (var missing in dataset.Columns.Except(dataset.OptionalColumns).Where(c => !byName.ContainsKey(c)))
        {
            errors.Add(new ImportError(name, 1, missing, "the column is missing from the header"));
        }

        if (errors.Count > 0)
        {
            yield break;
        }

        while (rows.MoveNext())
        {
            var (line, fields) = rows.Current;
            if (fields.Length != header.Count)
            {
                errors.Add(new ImportError(name, line, "", $"the row has {fields.Length} fields; the header has {header.Count}"));
                continue;
            }

            yield return new CsvRecord(name, line, byName, fields, errors);
        }
    }
}
