using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LinkagePortal.Api;
using LinkagePortal.Hosting;

namespace LinkagePortal.OpenData;

/// <summary>
/// /datasets/all.zip: every dataset's CSV (the public rows, as /api/v1/{name}.csv?bom=false serves them), its
/// datapackage.json pointing at the file beside it, the data dictionary, SHA256SUMS and manifest.json (each file's
/// checksum, size and row count), and /datasets/public.sqlite beside it. Built in the background, never on a request,
/// on a low-priority thread (<see cref="Hosting.LowPriority"/>), once per state of the public data: the files are named
/// by the embargo stamp (data version and next boundary), so an import that changes nothing, or a restart, rebuilds
/// nothing when the files for the present stamp are already in the folder.
/// <para>
/// Which nodes build (<c>BulkDownloads:Build</c>, default true): on a farm, one node builds into a folder
/// (<c>BulkDownloads:Folder</c>, default <c>bulk/</c> in the data directory) and the others, set to false, serve what
/// they find there: the build for the present stamp, or else the newest one. Until a node has any build the addresses
/// answer 503 with Retry-After; afterwards the previous build is served until the next one is complete.
/// </para>
/// </summary>
public sealed class BulkDownloads(IServiceProvider services, EndpointDataSource endpoints, EmbargoBoundary embargo, IConfiguration configuration,
    PortalPaths paths, LowPriority lowPriority, ILogger<BulkDownloads> logger) : BackgroundService, IBackgroundWork
{
    public const string ZipPath = "/datasets/all.zip";
    public const string SqlitePath = "/datasets/public.sqlite";

    static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    public sealed record Build(string File, string Stamp, DateTimeOffset BuiltAt, string ETag, string Sqlite, string SqliteETag);

    /// <summary>The build served, or null before this node has one.</summary>
    public Build? Current { get; private set; }

    /// <summary>Whether this node builds the downloads (<c>BulkDownloads:Build</c>) or only serves what it finds.</summary>
    public bool Builds => configuration.GetValue("BulkDownloads:Build", true);

    /// <summary>The stamp of the data as last seen here, null before the first look.</summary>
    string? wanted;

    /// <summary>Whether the downloads served are those of the present data (or, on a node that does not build, whether it has looked).</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken = default) =>
        Builds ? Current?.Stamp == (await embargo.CurrentAsync(cancellationToken)).Stamp : wanted is not null;

    string Folder => configuration["BulkDownloads:Folder"] is { Length: > 0 } folder
        ? Path.GetFullPath(folder, paths.Root)
        : Path.Combine(Path.GetFullPath(configuration["Database:DataDirectory"] ?? "App_Data", paths.Root), "bulk");

    string ZipFile(string stamp) => Path.Combine(Folder, $"all-{stamp}.zip");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var stamp = (await embargo.CurrentAsync(stoppingToken)).Stamp;
                wanted = stamp;
                if (Current?.Stamp != stamp)
                {
                    await lowPriority.RunAsync("bulk downloads", () => UpdateAsync(stamp, stoppingToken));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Bulk download build failed; the previous build is served and the build is tried again");
            }

            await Task.Delay(Poll, stoppingToken);
        }
    }

    /// <summary>Serves the build for <paramref name="stamp"/>: found in the folder, or built here, or (not building) the newest found.</summary>
    async Task UpdateAsync(string stamp, CancellationToken cancel)
    {
        var found = File.Exists(ZipFile(stamp)) ? ZipFile(stamp) : null;
        if (found is null && Builds)
        {
            var timer = System.Diagnostics.Stopwatch.StartNew();
            found = await BuildAsync(stamp, cancel);
            logger.LogInformation("Bulk download rebuilt: {File} in {Seconds:0.0} s", found, timer.Elapsed.TotalSeconds);
            RemoveOlderThanPrevious(found);
        }
        else if (found is null)
        {
            found = Directory.Exists(Folder)
                ? Directory.EnumerateFiles(Folder, "all-*.zip").Where(f => File.Exists(Path.ChangeExtension(f, ".sqlite")))
                    .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
                : null;
            if (found is null || found == Current?.File)
            {
                return;
            }
        }
        else
        {
            logger.LogInformation("Bulk download for the present data found: {File}", found);
        }

        var sqlite = Path.ChangeExtension(found, ".sqlite");
        Current = new Build(found, Path.GetFileNameWithoutExtension(found)["all-".Length..], new DateTimeOffset(File.GetLastWriteTimeUtc(found), TimeSpan.Zero),
            await ETagAsync(found, cancel), sqlite, await ETagAsync(sqlite, cancel));
    }

    /// <summary>Keeps the new build and the one before it (a node that does not build may still be serving that one).</summary>
    void RemoveOlderThanPrevious(string built)
    {
        var older = Directory.EnumerateFiles(Folder, "all-*.zip").Where(f => f != built).OrderByDescending(File.GetLastWriteTimeUtc).Skip(1);
        foreach (var zip in older)
        {
            try
            {
                File.Delete(zip);
                File.Delete(Path.ChangeExtension(zip, ".sqlite"));
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not remove the old bulk download {File}", zip);
            }
        }
    }

    /// <summary>Builds both files for <paramref name="stamp"/> in a folder of its own and moves them into place, the SQLite file first.</summary>
    async Task<string> BuildAsync(string stamp, CancellationToken cancel)
    {
        Directory.CreateDirectory(Folder);
        var work = Path.Combine(Folder, "build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var baseUrl = services.GetRequiredService<Hosting.PublicBaseUrl>().Value;
            var manifest = new JsonArray();
            var sums = new StringBuilder();
            var zipFile = Path.Combine(work, "all.zip");
            var sqliteFile = Path.Combine(work, "all.sqlite");
            var database = new PublicDatabase(sqliteFile);
            await using (var zipStream = File.Create(zipFile))
            using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create))
            {
                // Streamed from the file into the entry, hashed (and, for a CSV, its records counted) on the way: a
                // million-row export is never held in memory.
                async Task AddAsync(string name, string file, bool countRecords)
                {
                    using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    var records = new CsvRecordCounter();
                    long bytes = 0;
                    await using (var source = File.OpenRead(file))
                    await using (var target = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(cancel))
                    {
                        var buffer = new byte[81920];
                        int read;
                        while ((read = await source.ReadAsync(buffer, cancel)) > 0)
                        {
                            hash.AppendData(buffer, 0, read);
                            if (countRecords)
                            {
                                records.Add(buffer.AsSpan(0, read));
                            }

                            bytes += read;
                            await target.WriteAsync(buffer.AsMemory(0, read), cancel);
                        }
                    }

                    var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                    sums.Append(sha256).Append("  ").Append(name).Append('\n');
                    var entry = new JsonObject { ["path"] = name, ["sha256"] = sha256, ["bytes"] = bytes };
                    if (countRecords)
                    {
                        // The header is the first record.
                        entry["rows"] = records.Records - 1;
                    }

                    manifest.Add(entry);
                }

                var db = services.GetRequiredService<Db>();
                var version = services.GetRequiredService<DataVersion>();
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                foreach (var dataset in OpenDatasets.All)
                {
                    var csv = Path.Combine(work, dataset.Name + ".csv");
                    await WriteCsvAsync(dataset, csv, cancel);
                    await AddAsync($"{dataset.Name}/{dataset.Name}.csv", csv, countRecords: true);
                    database.Add(dataset, csv);

                    var package = CatalogDocuments.DataPackage(dataset, await CatalogEndpoints.FactsAsync(db, dataset, version, now), baseUrl);
                    package["resources"]![0]!["path"] = dataset.Name + ".csv";
                    var packageFile = Path.Combine(work, dataset.Name + ".datapackage.json");
                    await File.WriteAllTextAsync(packageFile, package.ToJsonString(CatalogDocuments.Output), cancel);
                    await AddAsync($"{dataset.Name}/datapackage.json", packageFile, countRecords: false);
                }

                var dictionary = Path.Combine(work, "dictionary.json");
                await File.WriteAllTextAsync(dictionary, Dictionary.Json(baseUrl).ToJsonString(CatalogDocuments.Output), cancel);
                await AddAsync("dictionary.json", dictionary, countRecords: false);

                var manifestFile = Path.Combine(work, "manifest.json");
                await File.WriteAllTextAsync(manifestFile, new JsonObject { ["built"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ["files"] = manifest }
                    .ToJsonString(CatalogDocuments.Output), cancel);
                await AddAsync("manifest.json", manifestFile, countRecords: false);

                await using var sumsEntry = await zip.CreateEntry("SHA256SUMS").OpenAsync(cancel);
                await sumsEntry.WriteAsync(Encoding.UTF8.GetBytes(sums.ToString()), cancel);
            }

            var target = ZipFile(stamp);
            File.Move(sqliteFile, Path.ChangeExtension(target, ".sqlite"), overwrite: true);
            File.Move(zipFile, target, overwrite: true);
            return target;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    static async Task<string> ETagAsync(string file, CancellationToken cancel)
    {
        await using var built = File.OpenRead(file);
        return "\"" + Convert.ToHexStringLower(await SHA256.HashDataAsync(built, cancel))[..32] + "\"";
    }

    /// <summary>
    /// The dataset's CSV as the API serves it: the mapped /api/v1/{name}.csv endpoint is run in-process on a request
    /// of this service's own, so the file holds exactly what a download would (the same embargo, fields and protections).
    /// </summary>
    async Task WriteCsvAsync(OpenDataset dataset, string file, CancellationToken cancel)
    {
        var path = dataset.ListPath + ".csv";
        var endpoint = endpoints.Endpoints.OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == path);
        await using var scope = services.CreateAsyncScope();
        // A large buffer: the rows are written synchronously into it, so the build stays on its low-priority thread.
        await using var output = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancel };
        http.Request.Method = HttpMethods.Get;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        http.Request.Path = path;
        http.Request.QueryString = new QueryString((dataset.WholeQuery.Length == 0 ? "?" : dataset.WholeQuery + "&") + "bom=false");
        http.Response.Body = output;
        http.SetEndpoint(endpoint);
        await endpoint.RequestDelegate!(http);
        if (http.Response.StatusCode != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"{path} answered {http.Response.StatusCode} while building the bulk download");
        }
    }

    /// <summary>RFC 4180 records in a CSV read in pieces: line ends outside quotes (a quoted cell may hold line breaks).</summary>
    sealed class CsvRecordCounter
    {
        bool quoted;

        public long Records { get; private set; }

        public void Add(ReadOnlySpan<byte> piece)
        {
            foreach (var b in piece)
            {
                if (b == '"')
                {
                    quoted = !quoted;
                }
                else if (b == '\n' && !quoted)
                {
                    Records++;
                }
            }
        }
    }

    public static void Map(IEndpointRouteBuilder routes, string corsPolicy)
    {
        routes.MapGet(ZipPath, (BulkDownloads bulk) => bulk.Current is { } build
                ? Results.File(build.File, "application/zip", "xinjiang-linkage-funds-open-data.zip", build.BuiltAt, Microsoft.Net.Http.Headers.EntityTagHeaderValue.Parse(build.ETag))
                : NotReady(bulk))
            .RequireCors(corsPolicy);
        routes.MapGet(SqlitePath, (BulkDownloads bulk) => bulk.Current is { } build
                ? Results.File(build.Sqlite, "application/vnd.sqlite3", "xinjiang-linkage-funds-public.sqlite", build.BuiltAt, Microsoft.Net.Http.Headers.EntityTagHeaderValue.Parse(build.SqliteETag))
                : NotReady(bulk))
            .RequireCors(corsPolicy);
    }

    static IResult NotReady(BulkDownloads bulk) => new RetryLater(bulk.Builds
        ? "全部数据的下载文件正在生成，请 10 秒后再试。"
        : "全部数据的下载文件由另一台服务器生成，本服务器尚未收到，请稍后再试。");

    sealed class RetryLater(string detail) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = "10";
            return Results.Problem(title: "正在生成（503）", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable)
                .ExecuteAsync(http);
        }
    }
}
