using System.Globalization;
using Dapper;
using LinkagePortal.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LinkagePortal.Hosting;

/// <summary>
/// For load balancers: <c>/healthz</c> answers 200 while the process serves requests; <c>/readyz</c> answers 200 only
/// when the database answers within two seconds and has every migration script of this build applied (503
/// otherwise, so that a node on a missing or old database is taken out of rotation). The framework's health checks.
/// </summary>
public static class Health
{
    const string Ready = "ready";

    public static IServiceCollection AddPortalHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReady>("database", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/healthz", new() { Predicate = _ => false }).DisableRateLimiting();
        routes.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(Ready) }).DisableRateLimiting();
        return routes;
    }

    /// <summary>The highest migration version embedded in this build (scripts are named NNNN_name.sql).</summary>
    public static int SchemaVersion(DatabaseProvider provider)
    {
        var prefix = $"migrations/{provider}/";
        return typeof(Migrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => int.Parse(n[prefix.Length..n.IndexOf('_', prefix.Length)], CultureInfo.InvariantCulture))
            .Max();
    }

    sealed class DatabaseReady(Db db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                await using var connection = await db.OpenAsync(timeout.Token);
                var applied = await connection.ExecuteScalarAsync<int?>(
                    new CommandDefinition("SELECT MAX(version) FROM schema_migrations", commandTimeout: 2, cancellationToken: timeout.Token));
                var expected = SchemaVersion(db.Provider);
                return applied == expected
                    ? HealthCheckResult.Healthy($"schema version {applied}")
                    : HealthCheckResult.Unhealthy($"schema version {applied?.ToString(CultureInfo.InvariantCulture) ?? "none"}, this build needs {expected}");
            }
            catch (Exception e) when (DatabaseFaults.IsDatabaseFault(e) || e is OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("the database does not answer");
            }
        }
    }
}
