using System.Net;
using Microsoft.Extensions.DependencyInjection;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hosting;

/// <summary>
/// The load balancer's checks: /healthz (the process) and /readyz (the database answers, schema current); and
/// /healthz/background, whether the node's background work for the present data is done.
/// </summary>
public sealed class HealthTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Both_checks_pass_on_a_current_database()
    {
        var client = portal.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_fails_when_the_schema_is_behind_this_build()
    {
        using var stale = new PortalFactory();
        var client = stale.CreateClient();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(LinkagePortal.Data.Db.SqliteConnectionString(Path.Combine(stale.DataDirectory, "linkage.db"))))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)";
            command.ExecuteNonQuery();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Background_work_is_degraded_after_a_change_until_the_downloads_are_rebuilt_then_healthy()
    {
        using var changed = new PortalFactory();
        var client = changed.CreateClient();
        async Task<string> WhenHealthyAsync()
        {
            for (var waited = 0; waited < 240; waited++)
            {
                if (await client.GetStringAsync("/healthz/background") == "Healthy")
                {
                    return "Healthy";
                }

                await Task.Delay(500);
            }

            return await client.GetStringAsync("/healthz/background");
        }

        Assert.Equal("Healthy", await WhenHealthyAsync());
        var built = await client.GetAsync("/datasets/all.zip");
        Assert.Equal(HttpStatusCode.OK, built.StatusCode);

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(LinkagePortal.Data.Db.SqliteConnectionString(Path.Combine(changed.DataDirectory, "linkage.db"))))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE data_version SET version = version + 1";
            command.ExecuteNonQuery();
        }

        await changed.Services.GetRequiredService<LinkagePortal.Data.DataVersion>().RefreshAsync();
        Assert.Equal("Degraded", await client.GetStringAsync("/healthz/background"));
        Assert.Equal("Healthy", await WhenHealthyAsync());
        Assert.NotEqual(built.Headers.ETag, (await client.GetAsync("/datasets/all.zip")).Headers.ETag);
    }
}
