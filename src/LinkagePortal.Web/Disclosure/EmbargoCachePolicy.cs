using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace LinkagePortal.Disclosure;

/// <summary>
/// Keeps the output cache honest about embargoes, for every cached page and API response (a base policy):
/// <list type="bullet">
/// <item>the cache key includes the embargo stamp, so an entry stored before a record's publication time is never
/// looked up after it, whatever the store's own clock says (and with a test clock);</item>
/// <item>the key includes the Beijing date, because deadline statuses (due → overdue) turn at Beijing midnight;</item>
/// <item>an entry is kept no longer than until the next boundary, so the store lets it go when it is stale.</item>
/// </list>
/// Records therefore appear at their time without a restart or an eviction.
/// </summary>
public sealed class EmbargoCachePolicy : IOutputCachePolicy
{
    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var services = context.HttpContext.RequestServices;
        var state = await services.GetRequiredService<EmbargoBoundary>().CurrentAsync(cancellation);
        var today = DeadlineCalculator.BeijingDate(services.GetRequiredService<TimeProvider>().GetUtcNow());
        context.CacheVaryByRules.VaryByValues["embargo"] = state.Stamp;
        context.CacheVaryByRules.VaryByValues["day"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    async ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!context.AllowCacheStorage)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var state = await services.GetRequiredService<EmbargoBoundary>().CurrentAsync(cancellation);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var limit = context.ResponseExpirationTimeSpan ?? services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.DefaultExpirationTimeSpan;
        var keep = state.KeepFor(now, limit);
        if (keep <= TimeSpan.Zero)
        {
            context.AllowCacheStorage = false;
        }
        else
        {
            context.ResponseExpirationTimeSpan = keep;
        }
    }
}
