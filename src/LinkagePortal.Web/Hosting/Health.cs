using System.Globalization;
using Dapper;
using LinkagePortal.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LinkagePortal.Hosting;

/// <summary>
/// For load balancers: <c>/healthz</c> answers 200 while the process serves requests; <c>/readyz</c> answers 200 only
/// when the database answers within two seconds and has every migration script of this build applied (503
/// otherwise, so that a node on a missing or old database is taken out of rotation); <c>/healthz/background</c> says
/// <c>Healthy</c> once this node's background work for the present data is done (the bulk downloads, the timeliness
/// report, the checks) and <c>Degraded</c> while any is due or running (both 200: a node serves meanwhile, from the
/// previous results). The framework's health checks.
/// </summary>
public static class Health
{
    const string Ready = "ready";
    const string Background = "background";

    /// <summary>
    /// Registers the one instance of a service that works in the background and adds it to <c>/healthz/background</c>
    /// under <paramref name="name"/>, done when its <see cref="IBackgroundWork.IsCurrentAsync"/> says so.
    /// </summary>
    public static IServiceCollection AddBackgroundWork<TService>(this IServiceCollection services, string name)
        where TService : class, IBackgroundWork
    {
        services.AddSingleton<TService>();
        services.TryAddSingleton(sp => new LowPriority(sp.GetRequiredService<IConfiguration>().GetValue(LowPriority.Setting, true)));
        services.AddHealthChecks().Add(new HealthCheckRegistration(name,
            sp => new BackgroundDone(sp.GetRequiredService<TService>()), HealthStatus.Degraded, [Background]));
        return services;
    }

    public static IServiceCollection AddPortalHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReady>("database", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/healthz", new() { Predicate = _ => false }).DisableRateLimiting();
        routes.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(Ready) }).DisableRateLimiting();
        routes.MapHealthChecks("/healthz/background", new() { Predicate = check => check.Tags.Contains(Background) }).DisableRateLimiting();
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

    sealed class BackgroundDone(IBackgroundWork work) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await work.IsCurrentAsync(cancellationToken) ? HealthCheckResult.Healthy("done") : HealthCheckResult.Degraded("due or running");
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

/// <summary>Work a node keeps current in the background for the data as it is (the bulk downloads, the timeliness report, the checks).</summary>
public interface IBackgroundWork
{
    /// <summary>Whether the work is done for the present data (false while it is due or running).</summary>
    Task<bool> IsCurrentAsync(CancellationToken cancellationToken = default);
}
