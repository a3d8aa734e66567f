using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Import;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Import;

/// <summary>
/// An import that changes nothing leaves the data version as it was, so that no node evicts its cached pages or builds
/// the bulk downloads and reports again; one that changes a single field moves it.
/// </summary>
public sealed class UnchangedImportTests
{
    readonly Db db = TestDatabase.SeededSqlite();

    long DataVersion()
    {
        using var connection = db.Open();
        return connection.ExecuteScalar<long>("SELECT version FROM data_version");
    }

    static string Copy(string name, Func<string, string> change)
    {
        var path = Path.Combine(TestDatabase.NewDirectory("import"), name);
        File.WriteAllText(path, change(File.ReadAllText(Path.Combine(TestDatabase.Paths.Data, name))));
        return path;
    }

    [Fact]
    public void The_seed_files_imported_again_leave_the_data_version_and_a_changed_contact_moves_it()
    {
        var importer = new Importer(db, TimeProvider.System);
        var before = DataVersion();

        importer.Import([Copy("contacts.csv", text => text), Copy("projects.csv", text => text)]);
        Assert.Equal(before, DataVersion());

        importer.Import([Copy("contacts.csv", text => text.Replace("乌苏市财政局,", "乌苏市财政局（测试地址）,", StringComparison.Ordinal))]);
        Assert.Equal(before + 1, DataVersion());
    }

    [Fact]
    public void A_kind_not_kept_on_the_record_moves_the_data_version_whenever_it_is_imported()
    {
        var before = DataVersion();

        new Importer(db, TimeProvider.System).Import([Copy("fund_reports.csv", text => text)]);

        Assert.Equal(before + 1, DataVersion());
    }

    [Fact]
    public async Task An_import_waits_for_another_writers_lock_longer_than_a_request_would()
    {
        // The portal's own settings for a request: give up on a lock after the busy timeout (1 s here).
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
        var requestLike = new Db(DatabaseProvider.Sqlite, LinkagePortal.Hosting.DatabaseFile.ConnectionString(file, Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite, 1));
        var before = DataVersion();
        var changed = Copy("contacts.csv", text => text.Replace("乌苏市财政局,", "乌苏市财政局（等锁测试）,", StringComparison.Ordinal));

        Task import;
        using (var writer = requestLike.Open())
        {
            writer.Execute("BEGIN IMMEDIATE");
            import = Task.Run(() => new Importer(requestLike, TimeProvider.System).Import([changed]));
            await Task.Delay(TimeSpan.FromSeconds(3));
            writer.Execute("COMMIT");
        }

        await import;
        Assert.Equal(before + 1, DataVersion());
    }
}
