using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace LinkagePortal.Disclosure;

/// <summary>
/// Keeps the output cache honest about embargoes, for every cached page and API response (a base policy):
/// <list type="bullet">
/// <item>the cache key includes the next embargo boundary, so an entry stored before a record's publication time is
/// never looked up after it, whatever the store's own clock says (and with a test clock); not the data version, as an
/// import evicts the pages it changes and leaves the others' entries in place;</item>
/// <item>the key includes the Beijing date, because deadline statuses (due → overdue) turn at Beijing midnight.</item>
/// </list>
/// The page cache's policies also keep an entry no longer than the boundary (<see cref="LinkagePortal.Rendering.NextScheduledChange"/>),
/// so the store lets stale entries go. Records therefore appear at their time without a restart or an eviction.
/// </summary>
public sealed class EmbargoCachePolicy : IOutputCachePolicy
{
    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var services = context.HttpContext.RequestServices;
        var state = await services.GetRequiredService<EmbargoBoundary>().CurrentAsync(cancellation);
        var today = DeadlineCalculator.BeijingDate(services.GetRequiredService<TimeProvider>().GetUtcNow());
        context.CacheVaryByRules.VaryByValues["embargo"] = state.BoundaryStamp;
        context.CacheVaryByRules.VaryByValues["day"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
