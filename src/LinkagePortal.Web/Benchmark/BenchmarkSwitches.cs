using Microsoft.AspNetCore.OutputCaching;

namespace LinkagePortal.Benchmark;

/// <summary>
/// <c>Benchmark:DisableOutputCache=true</c> gives the output cache a store that never holds a page: every request is
/// a cache miss and renders from the database, through the same pipeline as in production. That is how
/// tests/Benchmarks/run.sh measures uncached pages and search. Off unless set.
/// </summary>
public static class BenchmarkSwitches
{
    public static IServiceCollection AddBenchmarkSwitches(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("Benchmark:DisableOutputCache", false))
        {
            services.AddSingleton<IOutputCacheStore, NoOutputCacheStore>();
        }

        return services;
    }

    sealed class NoOutputCacheStore : IOutputCacheStore
    {
        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
