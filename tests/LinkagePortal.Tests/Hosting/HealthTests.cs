using System.Net;
using LinkagePortal.Tests.Support;

namespace LinkagePortal.Tests.Hosting;

/// <summary>The load balancer's checks: /healthz (the process) and /readyz (the database answers, schema current).</summary>
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
}
