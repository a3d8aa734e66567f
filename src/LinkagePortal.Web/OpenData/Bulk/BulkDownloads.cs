using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>
/// /datasets/all.zip: every dataset's CSV (the public rows, as /api/v1/{name}.csv?bom=false serves them), its
/// datapackage.json pointing at the file beside it, the data dictionary, SHA256SUMS and manifest.json (each file's
/// checksum, size and row count). Built in the background after every import and every embargo boundary, never on a
/// request: until the first build is done the address answers 503 with Retry-After, and afterwards the previous build
/// is served until the next one is complete.
/// </summary>
public sealed class BulkDownloads(IServiceProvider services, EndpointDataSource endpoints, EmbargoBoundary embargo, IConfiguration configuration,
    PortalPaths paths, ILogger<BulkDownloads> logger) : BackgroundService
{
    public const string ZipPath = "/datasets/all.zip";
    public const string SqlitePath = "/datasets/public.sqlite";

    static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    public sealed record Build(string File, string Stamp, DateTimeOffset BuiltAt, string ETag, string Sqlite, string SqliteETag);

    /// <summary>The latest complete build, or null before the first one.</summary>
    public Build? Current { get; private set; }

    string Folder => Path.Combine(Path.GetFullPath(configuration["Database:DataDirectory"] ?? "App_Data", paths.Root), "bulk");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var state = await embargo.CurrentAsync(stoppingToken);
                if (Current?.Stamp != state.Stamp)
                {
                    var previous = Current;
                    Current = await BuildAsync(state.Stamp, stoppingToken);
                    logger.LogInformation("Bulk download rebuilt: {File}", Current.File);
                    if (previous is not null && previous.File != Current.File)
                    {
                        File.Delete(previous.File);
                        File.Delete(previous.Sqlite);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Bulk download build failed; the previous build is served and the build is tried again");
            }

            await Task.Delay(Poll, stoppingToken);
        }
    }

    async Task<Build> BuildAsync(string stamp, CancellationToken cancel)
    {
        Directory.CreateDirectory(Folder);
        var work = Path.Combine(Folder, "build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var baseUrl = services.GetRequiredService<Hosting.PublicBaseUrl>().Value;
            var manifest = new JsonArray();
            var sums = new StringBuilder();
            var zipFile = Path.Combine(Folder, $"all-{stamp}-{Guid.NewGuid():N}.zip");
            var sqliteFile = Path.ChangeExtension(zipFile, ".sqlite");
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

            return new Build(zipFile, stamp, DateTimeOffset.UtcNow, await ETagAsync(zipFile, cancel), sqliteFile, await ETagAsync(sqliteFile, cancel));
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
        await using var output = File.Create(file);
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
                : NotReady())
            .RequireCors(corsPolicy);
        routes.MapGet(SqlitePath, (BulkDownloads bulk) => bulk.Current is { } build
                ? Results.File(build.Sqlite, "application/vnd.sqlite3", "xinjiang-linkage-funds-public.sqlite", build.BuiltAt, Microsoft.Net.Http.Headers.EntityTagHeaderValue.Parse(build.SqliteETag))
                : NotReady())
            .RequireCors(corsPolicy);
    }

    static IResult NotReady() => new RetryLater();

    sealed class RetryLater : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = "10";
            return Results.Problem(title: "正在生成（503）", detail: "全部数据的压缩包正在生成，请 10 秒后再试。", statusCode: StatusCodes.Status503ServiceUnavailable)
                .ExecuteAsync(http);
        }
    }
}
