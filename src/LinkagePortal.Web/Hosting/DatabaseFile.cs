using Microsoft.Data.Sqlite;

namespace LinkagePortal.Hosting;

/// <summary>
/// The embedded SQLite database file and its guard. A fresh checkout has none: the first start creates it (and the
/// portal seeds it) and leaves a marker, <c>linkage.db.initialised</c>, beside it. From then on a missing database file
/// is a start-up error naming the path — the portal never creates and seeds an empty database in place of one that
/// was lost. <c>Database:CreateIfMissing=false</c> (set it in production) refuses to create one even without the
/// marker. The connection string opens the file read-write without creating it, and <see cref="Data.Db"/> checks the
/// file is still there on every open, so a file removed while running answers 503 instead of writing into the void.
/// </summary>
public static class DatabaseFile
{
    public const string MarkerSuffix = ".initialised";

    /// <summary>The connection string of the database in <paramref name="file"/>, creating it only on a first run.</summary>
    public static string Prepare(string file, bool createIfMissing, int busyTimeoutSeconds)
    {
        var marker = file + MarkerSuffix;
        if (!File.Exists(file))
        {
            if (File.Exists(marker))
            {
                throw new InvalidOperationException(
                    $"The database {file} is missing, but one was initialised there before ({marker} records when). "
                    + "Restore it from a backup; only if it is meant to start empty again, delete the marker file.");
            }

            if (!createIfMissing)
            {
                throw new InvalidOperationException(
                    $"The database {file} does not exist and Database:CreateIfMissing is false. Restore it, or set Database:CreateIfMissing=true for a first run.");
            }

            using var create = new SqliteConnection(ConnectionString(file, SqliteOpenMode.ReadWriteCreate, busyTimeoutSeconds));
            create.Open();
        }

        if (!File.Exists(marker))
        {
            File.WriteAllText(marker, $"initialised {DateTime.UtcNow:O}\n");
        }

        return ConnectionString(file, SqliteOpenMode.ReadWrite, busyTimeoutSeconds);
    }

    public static string ConnectionString(string file, SqliteOpenMode mode, int busyTimeoutSeconds) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Mode = mode,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = busyTimeoutSeconds,
    }.ToString();

    /// <summary>The file a read-write (must-exist) connection string names; null for one that may create its file.</summary>
    public static string? MustExist(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) is { Mode: SqliteOpenMode.ReadWrite } builder ? builder.DataSource : null;

    public static void EnsurePresent(string? file)
    {
        if (file is not null && !File.Exists(file))
        {
            throw new DatabaseUnavailableException($"The database file {file} is missing.");
        }
    }
}
