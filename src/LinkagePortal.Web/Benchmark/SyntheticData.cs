using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Import;
using Microsoft.Data.Sqlite;

namespace LinkagePortal.Benchmark;

/// <summary>
/// <c>synthetic --projects N --allocations N --seed S --Database:DataDirectory=DIR</c>: fills a benchmark database
/// with N projects and N allocation rows spread over every village of Xinjiang, the same rows for the same seed.
/// Every row is labelled synthetic (<c>is_synthetic = 1</c>, names prefixed 【合成数据】, all tied to the document
/// <c>synthetic</c>), and the command refuses the default database: synthetic figures must never mix with the real
/// ones people read.
/// </summary>
public static class SyntheticData
{
    public const string Label = "【合成数据】";
    public const string DocumentId = "synthetic";
    const string Usage = "usage: synthetic --projects N --allocations N --seed S --Database:DataDirectory=DIR (a directory of its own, not the default App_Data)";
    const string Note = "合成数据（性能基准测试用，由 synthetic 命令生成），不是真实数字。";

    const string Villages = """
        SELECT v.code AS Code, v.short_name AS Name, t.short_name AS Township
        FROM regions v JOIN regions t ON t.code = v.parent_code
        WHERE v.level = 'village'
        ORDER BY v.code
        """;

    const string CountSynthetic = """
        SELECT (SELECT COUNT(*) FROM projects WHERE is_synthetic = 1) + (SELECT COUNT(*) FROM allocations WHERE is_synthetic = 1)
            + (SELECT COUNT(*) FROM documents WHERE id = @DocumentId)
        """;

    const string NextProjectId = "SELECT COALESCE(MAX(id), 0) + 1 FROM projects";

    const string InsertDocument = """
        INSERT INTO documents (id, number, title, issuer, kind, source, note)
        VALUES (@id, NULL, @title, @issuer, 'report', @source, @note)
        """;

    // Rows go in batches, each one JSON array bound as one parameter and read by json_each: one statement for thousands
    // of rows. (Microsoft.Data.Sqlite binds each parameter by name, so a prepared statement per row costs more than its
    // row, and a statement of many parameters binds in time that grows with the square of their number.)

    /// <summary>A batch of projects: [id, code, year, name, county, amount, unit, category, row, place, village code].</summary>
    const string InsertProjectsSqlite = """
        INSERT INTO projects (id, code, programme, fiscal_year, name, county_code, amount_yuan, derivation, responsible_unit,
            category, source_document_id, source_table, row_no, note, is_synthetic)
        SELECT value ->> 0, value ->> 1, 'linkage', value ->> 2, value ->> 3, value ->> 4, value ->> 5, 'derived', value ->> 6,
            value ->> 7, @document, @table, value ->> 8, @note, 1
        FROM json_each(@rows)
        """;

    const string InsertPlacesSqlite = """
        INSERT INTO project_places (project_id, place_as_printed, region_code, match_kind)
        SELECT value ->> 0, value ->> 9, value ->> 10, 'exact' FROM json_each(@rows)
        """;

    const string InsertFundsSqlite = "INSERT INTO project_funds (project_id, document_id) SELECT value ->> 0, @document FROM json_each(@rows)";

    /// <summary>
    /// A batch of fragment rows already in the primary key's order, grouped: [fragment, field, [project id, …]] (the
    /// ids are read as plain numbers, and the fragment once for the group: materialised, so that a group's JSON is not
    /// read again for each of its ids).
    /// </summary>
    const string InsertFragmentsSqlite = """
        WITH groups AS MATERIALIZED (SELECT value ->> 0 AS fragment, value ->> 1 AS field, value -> 2 AS ids FROM json_each(@rows))
        INSERT INTO project_fragments (fragment, field, project_id)
        SELECT g.fragment, g.field, id.value FROM groups g, json_each(g.ids) id
        """;

    /// <summary>
    /// The secondary indexes of the tables the load fills, in the order they were created (the order the query planner
    /// meets them in, kept when they are made again). The primary keys stay.
    /// </summary>
    const string LoadedTablesIndexesSqlite = """
        SELECT name AS Name, sql AS Sql FROM sqlite_master
        WHERE type = 'index' AND sql IS NOT NULL
          AND tbl_name IN ('projects', 'project_places', 'project_funds', 'project_fragments', 'allocations')
        ORDER BY rowid
        """;

    /// <summary>
    /// The projects of each pair the load wrote, [fragment, field, projects], added to the pairs' counts in the same
    /// transaction (<see cref="FragmentIndex"/>). (WHERE true: SQLite reads ON after a bare FROM as a join's.)
    /// </summary>
    const string AddFragmentCountsSqlite = """
        INSERT INTO project_fragment_counts (fragment, field, projects)
        SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@rows) WHERE true
        ON CONFLICT (fragment, field) DO UPDATE SET projects = projects + excluded.projects
        """;

    /// <summary>A batch of allocation cells: [row, village code, village name, task, amount].</summary>
    const string InsertAllocationsSqlite = """
        INSERT INTO allocations (document_id, source_table, row_no, region_code, region_name_printed, task, amount_yuan,
            derivation, note, is_synthetic)
        SELECT @document, @table, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, 'derived', @note, 1
        FROM json_each(@rows)
        """;

    /// <summary>Projects (and cells) per batch; fragment rows per batch (some 30 a project).</summary>
    const int RowsPerBatch = 5_000;
    const int FragmentsPerBatch = 50_000;

    const string BumpDataVersion = "UPDATE data_version SET version = version + 1, changed_at = @now WHERE id = 1";

    static readonly string[] Works =
    [
        "温室大棚建设", "高标准农田建设", "防渗渠建设", "安全饮水巩固提升", "村道硬化", "牛羊养殖圈舍建设",
        "林果提质增效", "农产品冷链仓储", "庭院经济发展", "农机服务中心建设", "小型水源工程", "人居环境整治",
    ];

    static readonly string[] Tasks =
    [
        "巩固拓展脱贫攻坚成果和乡村振兴任务", "少数民族发展任务", "以工代赈任务", "欠发达国有农场巩固提升任务",
    ];

    public sealed record Village
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string Township { get; init; }
    }

    public sealed record Options(int Projects, int Allocations, int Seed);

    public static int Run(WebApplication app, string[] args)
    {
        if (Parse(args[1..], out var error) is not { } options)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var db = app.Services.GetRequiredService<Db>();
        if (Refusal(app.Configuration, app.Services.GetRequiredService<PortalPaths>(), db) is { } refusal)
        {
            Console.Error.WriteLine(refusal);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        // Regions and the real seed come first: projects need villages, and pages look as they do in production.
        app.Services.GetRequiredService<Importer>().SeedIfEmpty(app.Services.GetRequiredService<PortalPaths>().Data);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var timer = Stopwatch.StartNew();
        var written = Generate(db, options, clock.GetUtcNow().UtcDateTime);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"synthetic: {written.Projects} projects, {written.Allocations} allocation rows over {written.Villages} villages (seed {options.Seed}) in {timer.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine("synthetic phases: " + string.Join(", ", written.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Seconds:F1} s (CPU {p.CpuSeconds:F1} s)"))));
        return 0;
    }

    /// <summary>Reads <c>--projects N --allocations N --seed S</c> (or <c>--name=N</c>); configuration keys pass by.</summary>
    public static Options? Parse(IReadOnlyList<string> args, out string error)
    {
        var values = new Dictionary<string, int> { ["projects"] = -1, ["allocations"] = -1, ["seed"] = 1 };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{arg}'";
                return null;
            }

            var body = arg[2..];
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = eq >= 0 ? (body[..eq], body[(eq + 1)..]) : (body, null);
            if (!values.ContainsKey(name))
            {
                // --Key=Value is configuration (e.g. --Database:DataDirectory=DIR), read by the host.
                if (eq >= 0)
                {
                    continue;
                }

                error = $"unknown option '{arg}'";
                return null;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    error = $"--{name} needs a number";
                    return null;
                }

                value = args[++i];
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || (name != "seed" && number < 1))
            {
                error = $"--{name} is '{value}'; it must be a whole number{(name == "seed" ? "" : " of at least 1")}";
                return null;
            }

            values[name] = number;
        }

        var missing = values.Where(v => v.Value < 0).Select(v => "--" + v.Key).ToList();
        if (missing.Count > 0)
        {
            error = $"{string.Join(" and ", missing)} must be given";
            return null;
        }

        error = "";
        return new Options(values["projects"], values["allocations"], values["seed"]);
    }

    /// <summary>Why the configured database may not receive synthetic rows, or null when it may.</summary>
    public static string? Refusal(IConfiguration configuration, PortalPaths paths, Db db)
    {
        if (db.Provider != DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(configuration["Database:ConnectionString"]))
        {
            return "synthetic data goes only into a SQLite database in a directory of its own: give --Database:DataDirectory=DIR and no connection string.";
        }

        var configured = Path.GetFullPath(configuration["Database:DataDirectory"] ?? "App_Data", paths.Root);
        var standard = Path.GetFullPath("App_Data", paths.Root);
        if (string.Equals(configured.TrimEnd(Path.DirectorySeparatorChar), standard.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            return $"refusing to write synthetic rows into the default database ({standard}): give --Database:DataDirectory=DIR, a directory of its own.";
        }

        using var connection = db.Open();
        if (connection.ExecuteScalar<long>(CountSynthetic, new { DocumentId }) > 0)
        {
            return $"the database in {configured} already holds synthetic rows: give a new --Database:DataDirectory so that the same seed gives the same rows.";
        }

        return null;
    }

    /// <summary>What was written, and how long each phase of the load took (the benchmark reports them).</summary>
    public sealed record Written(int Projects, int Allocations, int Villages, IReadOnlyList<Phase> Phases);

    /// <summary>One phase of a load: its seconds by the clock and of CPU.</summary>
    public sealed record Phase(string Name, double Seconds, double CpuSeconds);

    /// <summary>
    /// Writes the rows in one transaction through prepared commands (one parse, then only parameter values change),
    /// in index order (villages by code), with the projects' fragments the importer would write for them. The
    /// secondary indexes of the loaded tables are dropped first and made again from their own SQL at the end: building
    /// an index from all its rows at once (sorted) is far cheaper than keeping it up to date under millions of inserts.
    /// The database ends as any other writer's would: the same rows, the same schema.
    /// </summary>
    public static Written Generate(Db db, Options options, DateTime now)
    {
        using var connection = (SqliteConnection)db.Open();
        var journal = WriteOnce(connection);
        var villages = connection.Query<Village>(Villages).ToList();
        if (villages.Count == 0)
        {
            throw new InvalidOperationException("The database has no villages: seed it from content/data first.");
        }

        // A bigger page cache keeps the indexes being filled in memory instead of spilling to the file.
        connection.Execute("PRAGMA cache_size = -1048576;");
        using var transaction = connection.BeginTransaction();
        connection.Execute(InsertDocument, new
        {
            id = DocumentId,
            title = Label + "性能基准测试用合成资金文件（非真实文件，所有数字均为合成）",
            issuer = Label + "合成数据生成器（非真实机构）",
            source = string.Create(CultureInfo.InvariantCulture, $"synthetic --projects {options.Projects} --allocations {options.Allocations} --seed {options.Seed}"),
            note = Note,
        }, transaction);

        var phases = new Phases();
        var indexes = connection.Query<(string Name, string Sql)>(LoadedTablesIndexesSqlite, transaction: transaction).ToList();
        foreach (var (name, _) in indexes)
        {
            connection.Execute($"DROP INDEX \"{name}\"", transaction: transaction);
        }

        var random = new Random(options.Seed);
        var firstId = connection.ExecuteScalar<long>(NextProjectId, transaction: transaction);
        var fragmentsOf = new ProjectFragments(villages, new FragmentRows(options.Projects));
        using (var projects = new JsonRows(connection, transaction, [InsertProjectsSqlite, InsertPlacesSqlite, InsertFundsSqlite],
            ("document", DocumentId), ("table", Label + "项目表"), ("note", Note)))
        {
            for (var n = 0; n < options.Projects; n++)
            {
                // Villages in code order, each its equal share: every village gets projects, and rows arrive in index
                // order (county, village), which keeps the inserts local in the B-trees.
                var index = (int)((long)n * villages.Count / options.Projects);
                var village = villages[index];
                var id = firstId + n;
                var year = 2021 + random.Next(5);
                var county = village.Code[..6];
                var work = random.Next(Works.Length);
                var number = string.Create(CultureInfo.InvariantCulture, $"第{n + 1}号");
                var row = projects.Row();
                row.WriteNumberValue(id);
                row.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{county}-{year}-S{n + 1:D7}"));
                row.WriteNumberValue(year);
                row.WriteStringValue($"{Label}{village.Name}{Works[work]}项目（{number}）");
                row.WriteStringValue(county);
                row.WriteNumberValue(random.Next(1, 50_000) * 100L);
                row.WriteStringValue(village.Township + "人民政府");
                row.WriteStringValue(Tasks[random.Next(Tasks.Length)]);
                row.WriteNumberValue(n + 1);
                row.WriteStringValue(village.Name);
                row.WriteStringValue(village.Code);
                projects.EndRow(RowsPerBatch);

                // What the importer writes for a project: its fragments for search and the hotline lookup.
                fragmentsOf.Add(index, work, number, id);
            }
        }

        fragmentsOf.Rows.Write(connection, transaction);
        phases.Mark("projects");
        using (var allocations = new JsonRows(connection, transaction, [InsertAllocationsSqlite],
            ("document", DocumentId), ("table", Label + "分配表"), ("note", Note)))
        {
            var (previous, pass) = (-1, 0);
            for (var n = 0; n < options.Allocations; n++)
            {
                // Villages in code order; a village's k-th cell is the k-th synthetic task (the cell key is unique).
                var index = (int)((long)n * villages.Count / options.Allocations);
                (previous, pass) = index == previous ? (index, pass + 1) : (index, 0);
                var village = villages[index];
                var row = allocations.Row();
                row.WriteNumberValue(n + 1);
                row.WriteStringValue(village.Code);
                row.WriteStringValue(village.Name);
                row.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{Label}{Tasks[pass % Tasks.Length]}（第{pass + 1}批）"));
                row.WriteNumberValue(random.Next(1, 100_000) * 100L);
                allocations.EndRow(RowsPerBatch);
            }
        }

        phases.Mark("allocations");
        foreach (var (_, sql) in indexes)
        {
            connection.Execute(sql, transaction: transaction);
        }

        phases.Mark("indexes");
        RegionTotals.Rebuild(connection, transaction);
        phases.Mark("region totals");
        connection.Execute(BumpDataVersion, new { now }, transaction);
        transaction.Commit();
        phases.Mark("commit");
        connection.Execute(journal == "delete" ? "PRAGMA journal_mode = WAL;" : "PRAGMA wal_checkpoint(TRUNCATE);");
        phases.Mark("checkpoint");
        return new Written(options.Projects, options.Allocations, villages.Count, phases.Done);
    }

    /// <summary>
    /// Makes the load write the database once, straight into its file: in WAL mode every page would be written twice
    /// (to the log, then checkpointed), some 2 GB at a million projects. A rollback journal keeps the load
    /// all-or-nothing. Only a connection alone on the database may leave WAL: with another open (a server, a test's
    /// reader) the load goes through the log as any writer's. Returns the journal mode in force.
    /// </summary>
    static string WriteOnce(SqliteConnection connection)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            return connection.ExecuteScalar<string>("PRAGMA journal_mode = DELETE;", commandTimeout: 1) ?? "";
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_BUSY)
        {
            return "wal";
        }
    }

    /// <summary>
    /// The fragment rows of synthetic projects (<see cref="FragmentIndex.RowsOf"/>), with the pairs of what projects
    /// share computed once: a name is the label, village and work (the same for many projects), then its own number
    /// in brackets, which separate runs; the unit and place are the village's.
    /// </summary>
    sealed class ProjectFragments(IReadOnlyList<Village> villages, FragmentRows rows)
    {
        readonly Dictionary<(int Village, int Work), int[]> names = [];
        readonly Dictionary<int, (int Fragment, FragmentIndex.Field Field)[]> unitsAndPlaces = [];

        public FragmentRows Rows => rows;

        public void Add(int village, int work, string number, long projectId)
        {
            if (!names.TryGetValue((village, work), out var shared))
            {
                shared = [.. FragmentIndex.Pairs($"{Label}{villages[village].Name}{Works[work]}项目（").Select(rows.NumberOf)];
                names[(village, work)] = shared;
            }

            if (!unitsAndPlaces.TryGetValue(village, out var others))
            {
                others = [.. FragmentIndex.RowsOf("", villages[village].Township + "人民政府", [villages[village].Name])
                    .Select(r => (rows.NumberOf(r.Fragment), r.Field))];
                unitsAndPlaces[village] = others;
            }

            foreach (var fragment in shared.Concat(FragmentIndex.Pairs(number).Select(rows.NumberOf)).Distinct())
            {
                rows.Add(fragment, FragmentIndex.Field.Name, projectId);
            }

            foreach (var (fragment, field) in others)
            {
                rows.Add(fragment, field, projectId);
            }
        }
    }

    /// <summary>
    /// The load's fragment rows, held in memory as one number each (the fragment's number, the field, the project id)
    /// and written at the end in the order of the table's primary key: each insert then lands at the end of the
    /// B-tree instead of anywhere in it. SQLite compares text by its UTF-8 bytes, and so does the sort here. The pairs'
    /// counts are written with them, a pair's rows being together.
    /// </summary>
    sealed class FragmentRows(int projects)
    {
        const int FieldShift = 32;
        const int FragmentShift = 34;

        readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
        readonly List<string> fragments = [];
        readonly List<ulong> rows = new(projects * 36);

        public int NumberOf(string fragment)
        {
            if (!numbers.TryGetValue(fragment, out var number))
            {
                number = fragments.Count;
                numbers[fragment] = number;
                fragments.Add(fragment);
            }

            return number;
        }

        public void Add(int fragment, FragmentIndex.Field field, long projectId)
        {
            if (projectId is < 0 or > uint.MaxValue)
            {
                throw new InvalidOperationException($"Project id {projectId} does not fit the load's fragment rows.");
            }

            rows.Add(((ulong)fragment << FragmentShift) | ((ulong)field << FieldShift) | (ulong)projectId);
        }

        public void Write(SqliteConnection connection, SqliteTransaction transaction)
        {
            var inOrder = Enumerable.Range(0, fragments.Count)
                .OrderBy(n => Encoding.UTF8.GetBytes(fragments[n]), Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)))
                .ToArray();
            var rank = new ulong[inOrder.Length];
            for (var r = 0; r < inOrder.Length; r++)
            {
                rank[inOrder[r]] = (ulong)r;
            }

            var keys = CollectionsMarshal.AsSpan(rows);
            const ulong Rest = (1UL << FragmentShift) - 1;
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = (rank[keys[i] >> FragmentShift] << FragmentShift) | (keys[i] & Rest);
            }

            keys.Sort();
            using var batches = new JsonRows(connection, transaction, [InsertFragmentsSqlite]);
            using var counts = new JsonRows(connection, transaction, [AddFragmentCountsSqlite]);
            var start = 0;
            while (start < rows.Count)
            {
                // One group: the rows of one fragment and field, at most a batch of them.
                var group = rows[start] >> FieldShift;
                var (fragment, field) = (fragments[inOrder[group >> (FragmentShift - FieldShift)]], group & 3);
                var entry = batches.Row();
                entry.WriteStringValue(fragment);
                entry.WriteNumberValue(field);
                entry.WriteStartArray();
                var end = start;
                while (end < rows.Count && end - start < FragmentsPerBatch && rows[end] >> FieldShift == group)
                {
                    entry.WriteNumberValue((uint)rows[end++]);
                }

                entry.WriteEndArray();
                batches.EndRow(FragmentsPerBatch, end - start);

                // The group's projects added to the pair's count (a pair of more than a batch comes in several groups).
                var count = counts.Row();
                count.WriteStringValue(fragment);
                count.WriteNumberValue(field);
                count.WriteNumberValue(end - start);
                counts.EndRow(FragmentsPerBatch);
                start = end;
            }
        }
    }

    /// <summary>
    /// Rows collected as one JSON array of arrays and written by statements that read it as <c>@rows</c> (with the
    /// constants bound once), a batch at a time; the last batch on dispose.
    /// </summary>
    sealed class JsonRows : IDisposable
    {
        static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        readonly ArrayBufferWriter<byte> buffer = new(1 << 20);
        readonly Utf8JsonWriter writer;
        readonly List<SqliteCommand> commands;
        int rows;

        public JsonRows(SqliteConnection connection, SqliteTransaction transaction, string[] statements, params (string Name, object Value)[] constants)
        {
            writer = new Utf8JsonWriter(buffer, Relaxed);
            commands = [.. statements.Select(sql =>
            {
                var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                command.Parameters.Add(new SqliteParameter("@rows", ""));
                foreach (var (name, value) in constants.Where(c => sql.Contains("@" + c.Name, StringComparison.Ordinal)))
                {
                    command.Parameters.AddWithValue("@" + name, value);
                }

                command.Prepare();
                return command;
            })];
            writer.WriteStartArray();
        }

        /// <summary>Starts a row: write its values in order, then call <see cref="EndRow"/>.</summary>
        public Utf8JsonWriter Row()
        {
            writer.WriteStartArray();
            return writer;
        }

        /// <summary>Ends a row that stands for <paramref name="count"/> rows of the table (a group of them).</summary>
        public void EndRow(int batchSize, int count = 1)
        {
            writer.WriteEndArray();
            if ((rows += count) >= batchSize)
            {
                Flush();
            }
        }

        void Flush()
        {
            writer.WriteEndArray();
            writer.Flush();
            var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
            foreach (var command in commands)
            {
                command.Parameters[0].Value = json;
                command.ExecuteNonQuery();
            }

            buffer.ResetWrittenCount();
            writer.Reset();
            writer.WriteStartArray();
            rows = 0;
        }

        public void Dispose()
        {
            if (rows > 0)
            {
                Flush();
            }

            writer.Dispose();
            foreach (var command in commands)
            {
                command.Dispose();
            }
        }
    }

    /// <summary>The time each phase of a load took, by the clock and in this process's CPU (on a shared machine the clock varies).</summary>
    sealed class Phases
    {
        readonly Stopwatch clock = Stopwatch.StartNew();
        readonly List<Phase> done = [];
        TimeSpan cpu = Environment.CpuUsage.TotalTime;

        public IReadOnlyList<Phase> Done => done;

        public void Mark(string name)
        {
            var now = Environment.CpuUsage.TotalTime;
            done.Add(new Phase(name, clock.Elapsed.TotalSeconds, (now - cpu).TotalSeconds));
            cpu = now;
            clock.Restart();
        }
    }
}
