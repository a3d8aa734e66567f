using System.Diagnostics;
using System.Globalization;
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

    const string InsertProject = """
        INSERT INTO projects (id, code, programme, fiscal_year, name, county_code, amount_yuan, derivation, responsible_unit,
            category, source_document_id, source_table, row_no, note, is_synthetic)
        VALUES (@id, @code, 'linkage', @year, @name, @county, @amount, 'derived', @unit, @category, @document, @table, @row, @note, 1)
        """;

    const string InsertPlace = """
        INSERT INTO project_places (project_id, place_as_printed, region_code, match_kind)
        VALUES (@project, @place, @region, 'exact')
        """;

    const string InsertFund = "INSERT INTO project_funds (project_id, document_id) VALUES (@project, @document)";

    const string InsertAllocation = """
        INSERT INTO allocations (document_id, source_table, row_no, region_code, region_name_printed, task, amount_yuan,
            derivation, note, is_synthetic)
        VALUES (@document, @table, @row, @region, @printed, @task, @amount, 'derived', @note, 1)
        """;

    const string CreateFragmentStagingSqlite = "CREATE TEMP TABLE synthetic_fragments (fragment TEXT NOT NULL, field INTEGER NOT NULL, project_id INTEGER NOT NULL)";
    const string InsertFragmentStagingSqlite = "INSERT INTO synthetic_fragments (fragment, field, project_id) VALUES (@fragment, @field, @projectId)";

    /// <summary>Fragment rows per insert: a project has some 30, and one statement per row would cost more than the rows.</summary>
    const int FragmentsPerInsert = 200;
    const string FillFragmentsSqlite = """
        DROP INDEX ix_project_fragments_project;
        INSERT INTO project_fragments (fragment, field, project_id)
        SELECT fragment, field, project_id FROM synthetic_fragments ORDER BY fragment, field, project_id;
        CREATE INDEX ix_project_fragments_project ON project_fragments(project_id);
        DROP TABLE synthetic_fragments;
        """;

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

    public sealed record Written(int Projects, int Allocations, int Villages);

    /// <summary>
    /// Writes the rows in one transaction through prepared commands (one parse, then only parameter values change),
    /// in index order (villages by code), with the indexes of the schema left as they are and the projects' fragments
    /// written as the importer writes them: the rows are kept exactly as any other writer's would be.
    /// </summary>
    public static Written Generate(Db db, Options options, DateTime now)
    {
        using var connection = (SqliteConnection)db.Open();
        var villages = connection.Query<Village>(Villages).ToList();
        if (villages.Count == 0)
        {
            throw new InvalidOperationException("The database has no villages: seed it from content/data first.");
        }

        // A bigger page cache keeps the indexes being filled in memory instead of spilling to the journal.
        connection.Execute("PRAGMA cache_size = -262144;");
        using var transaction = connection.BeginTransaction();
        connection.Execute(InsertDocument, new
        {
            id = DocumentId,
            title = Label + "性能基准测试用合成资金文件（非真实文件，所有数字均为合成）",
            issuer = Label + "合成数据生成器（非真实机构）",
            source = string.Create(CultureInfo.InvariantCulture, $"synthetic --projects {options.Projects} --allocations {options.Allocations} --seed {options.Seed}"),
            note = Note,
        }, transaction);

        var random = new Random(options.Seed);
        var firstId = connection.ExecuteScalar<long>(NextProjectId, transaction: transaction);
        connection.Execute(CreateFragmentStagingSqlite, transaction: transaction);
        using (var project = Prepare(connection, transaction, InsertProject, "id", "code", "year", "name", "county", "amount", "unit", "category", "document", "table", "row", "note"))
        using (var place = Prepare(connection, transaction, InsertPlace, "project", "place", "region"))
        using (var fund = Prepare(connection, transaction, InsertFund, "project", "document"))
        using (var fragment = Prepare(connection, transaction, InsertFragmentStagingSqlite, "fragment", "field", "projectId"))
        using (var fragments = Prepare(connection, transaction, InsertFragmentRows(FragmentsPerInsert),
            [.. Enumerable.Range(0, FragmentsPerInsert).SelectMany(i => new[] { $"f{i}", $"d{i}", $"p{i}" })]))
        {
            var pending = new List<object>(FragmentsPerInsert * 3);
            for (var n = 0; n < options.Projects; n++)
            {
                // Villages in code order, each its equal share: every village gets projects, and rows arrive in index
                // order (county, village), which keeps the inserts local in the B-trees.
                var village = villages[(int)((long)n * villages.Count / options.Projects)];
                var id = firstId + n;
                var year = 2021 + random.Next(5);
                var county = village.Code[..6];
                var name = string.Create(CultureInfo.InvariantCulture, $"{Label}{village.Name}{Works[random.Next(Works.Length)]}项目（第{n + 1}号）");
                var unit = village.Township + "人民政府";
                Set(project, id, string.Create(CultureInfo.InvariantCulture, $"{county}-{year}-S{n + 1:D7}"), year, name,
                    county, random.Next(1, 50_000) * 100L, unit, Tasks[random.Next(Tasks.Length)],
                    DocumentId, Label + "项目表", n + 1, Note);
                Set(place, id, village.Name, village.Code);
                Set(fund, id, DocumentId);

                // What the importer writes for a project: its fragments for search and the hotline lookup.
                foreach (var (text, field) in FragmentIndex.RowsOf(name, unit, [village.Name]))
                {
                    pending.AddRange([text, (int)field, id]);
                    if (pending.Count == FragmentsPerInsert * 3)
                    {
                        Set(fragments, [.. pending]);
                        pending.Clear();
                    }
                }
            }

            foreach (var row in pending.Chunk(3))
            {
                Set(fragment, row);
            }
        }

        using (var allocation = Prepare(connection, transaction, InsertAllocation, "document", "table", "row", "region", "printed", "task", "amount", "note"))
        {
            var (previous, pass) = (-1, 0);
            for (var n = 0; n < options.Allocations; n++)
            {
                // Villages in code order; a village's k-th cell is the k-th synthetic task (the cell key is unique).
                var index = (int)((long)n * villages.Count / options.Allocations);
                (previous, pass) = index == previous ? (index, pass + 1) : (index, 0);
                var village = villages[index];
                Set(allocation, DocumentId, Label + "分配表", n + 1, village.Code, village.Name,
                    string.Create(CultureInfo.InvariantCulture, $"{Label}{Tasks[pass % Tasks.Length]}（第{pass + 1}批）"),
                    random.Next(1, 100_000) * 100L, Note);
            }
        }

        // The fragments arrive in project order but the index is kept in fragment order: sorted once here, they are
        // appended to its B-tree instead of inserted all over it (and the by-project index is built by one sort after).
        connection.Execute(FillFragmentsSqlite, transaction: transaction);
        RegionTotals.Rebuild(connection, transaction);
        connection.Execute(BumpDataVersion, new { now }, transaction);
        transaction.Commit();
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        return new Written(options.Projects, options.Allocations, villages.Count);
    }

    static string InsertFragmentRows(int rows) =>
        "INSERT INTO synthetic_fragments (fragment, field, project_id) VALUES " + string.Join(", ", Enumerable.Range(0, rows).Select(i => $"(@f{i}, @d{i}, @p{i})"));

    static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "@" + name });
        }

        command.Prepare();
        return command;
    }

    static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
