using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Tests.Support;
using Xunit.Abstractions;

namespace LinkagePortal.Tests.OpenData;

/// <summary>
/// The CSV and NDJSON exports stream: their memory does not grow with the row count. Synthetic projects (every row
/// labelled synthetic in its name, note and is_synthetic; generated into a test copy of the database, never the default
/// one) are exported by the portal running in a child process, and the child's peak resident memory (VmHWM, read
/// through Process.PeakWorkingSet64) at 1,000,000 rows is compared with the same export at 100,000 rows. Memory, not
/// time, is measured, so a busy machine slows the test without changing its answer.
/// </summary>
public sealed class ExportMemoryTests(ITestOutputHelper output)
{
    const long AllowedGrowth = 50L * 1024 * 1024;
    const int RealProjects = 51;

    const string Generate = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
        INSERT INTO projects (code, programme, fiscal_year, name, county_code, amount_yuan, derivation, responsible_unit,
                              source_document_id, source_table, note, is_synthetic)
        SELECT printf('SYN-%07d', i), 'linkage', 2024, printf('【合成数据 synthetic】测试项目 %d', i), '654202', 10000 + i % 99991, 'printed',
               '合成数据（synthetic）', 'wusu-2024-budget', 'synthetic', 'synthetic: generated for the export memory test; not a real project', 1
        FROM n;
        INSERT INTO project_places (project_id, place_as_printed, region_code, match_kind)
        SELECT id, '科克萨拉村（synthetic）', '654202109200', 'exact' FROM projects WHERE is_synthetic = 1;
        INSERT INTO project_funds (project_id, document_id) SELECT id, 'wcz-2023-9' FROM projects WHERE is_synthetic = 1;
        """;

    [Theory]
    [InlineData("csv")]
    [InlineData("ndjson")]
    public async Task Exporting_a_million_rows_takes_no_more_memory_than_exporting_a_hundred_thousand(string format)
    {
        var small = await MeasureExportAsync(100_000, format);
        var large = await MeasureExportAsync(1_000_000, format);

        output.WriteLine($"{format}, 100,000 rows:   peak {Mb(small.Peak)} (after start-up {Mb(small.Baseline)}), {small.RowsPerSecond:N0} rows/s");
        output.WriteLine($"{format}, 1,000,000 rows: peak {Mb(large.Peak)} (after start-up {Mb(large.Baseline)}), {large.RowsPerSecond:N0} rows/s");
        Assert.True(large.Peak - small.Peak < AllowedGrowth,
            $"peak memory grew by {Mb(large.Peak - small.Peak)} from 100k to 1M rows (allowed {Mb(AllowedGrowth)}): the {format} export holds rows in memory");
    }

    sealed record Measurement(long Baseline, long Peak, double RowsPerSecond);

    async Task<Measurement> MeasureExportAsync(int syntheticRows, string format)
    {
        var directory = TestDatabase.SeededSqliteDirectory();
        try
        {
            var file = Path.Combine(directory, "linkage.db");
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(Db.SqliteConnectionString(file)))
            {
                connection.Open();
                connection.Execute("PRAGMA synchronous = OFF");
                using var transaction = connection.BeginTransaction();
                connection.Execute(Generate, new { count = syntheticRows }, transaction, commandTimeout: 600);
                transaction.Commit();
                connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return await RunPortalAsync(directory, syntheticRows + RealProjects, format);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    async Task<Measurement> RunPortalAsync(string dataDirectory, int expectedRows, string format)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(Program).Assembly.Location, $"--urls=http://127.0.0.1:{port}", "--Database:Provider=Sqlite", $"--Database:DataDirectory={dataDirectory}" })
        {
            start.ArgumentList.Add(argument);
        }

        // Workstation GC with a fixed small gen0 budget: the peak then shows what the export keeps alive, not how
        // long the collector waited (a server GC on a big machine may let garbage grow by hundreds of MB first).
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_GCgen0size"] = "0x1000000";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var portal = Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        portal.OutputDataReceived += (_, e) => log.AppendLine(e.Data);
        portal.ErrorDataReceived += (_, e) => log.AppendLine(e.Data);
        portal.BeginOutputReadLine();
        portal.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
            await WaitUntilReadyAsync(client, portal, log);
            portal.Refresh();
            var baseline = portal.PeakWorkingSet64;

            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync($"/api/v1/projects.{format}?programme=all", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var lines = await CountLinesAsync(await response.Content.ReadAsStreamAsync());
            clock.Stop();

            // A CSV has its header line; NDJSON is one line per project.
            Assert.Equal(expectedRows + (format == "csv" ? 1 : 0), lines);
            portal.Refresh();
            return new Measurement(baseline, portal.PeakWorkingSet64, expectedRows / clock.Elapsed.TotalSeconds);
        }
        finally
        {
            portal.Kill(entireProcessTree: true);
            await portal.WaitForExitAsync();
        }
    }

    static async Task WaitUntilReadyAsync(HttpClient client, Process portal, System.Text.StringBuilder log)
    {
        // Starting on a million projects includes the checks' first build; on a machine saturated by the rest of the
        // suite that can take minutes, so the bound is generous (the loop ends as soon as the portal answers).
        for (var attempt = 0; attempt < 2400; attempt++)
        {
            Assert.False(portal.HasExited, $"the portal exited: {log}");
            try
            {
                if ((await client.GetAsync("/api/v1/regions/65")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"the portal did not answer within ten minutes: {log}");
    }

    static async Task<long> CountLinesAsync(Stream body)
    {
        var buffer = new byte[64 * 1024];
        long lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " MB";
}
