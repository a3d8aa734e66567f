using System.Security.Cryptography;
using LinkagePortal.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;

namespace LinkagePortal.Rendering;

/// <summary>
/// When the content can next change by itself, without an import (e.g. the next embargo boundary), or null when
/// nothing is scheduled. A cached response never outlives it. The default says null; an area that schedules changes
/// registers its own: <c>services.AddSingleton&lt;NextScheduledChange&gt;(sp =&gt; …)</c>.
/// </summary>
public delegate ValueTask<DateTimeOffset?> NextScheduledChange(HttpContext context, CancellationToken cancellationToken);

/// <summary>
/// Output caching for pages, reusable by any area: named policies that key the cache only on the query keys the
/// endpoint reads (an allow-list, so random query strings cannot flood the cache, nor random Host headers), are
/// evicted by an import that changes what they show (<see cref="DataVersion"/>: every page counts as showing more than
/// one county unless it says <see cref="ShowsCounty"/>), never outlive <see cref="NextScheduledChange"/>,
/// and answer conditional requests: ETag (a hash of the body) and Last-Modified, 304 for If-None-Match /
/// If-Modified-Since.
/// <code>
/// services.AddCachePolicy("api", "format", "after");   // once, in the Services section
/// group.CachedAs("api");                               // on a route or a MapGroup
/// </code>
/// </summary>
public static class PageCache
{
    /// <summary>A page that reads no query string.</summary>
    public const string Page = "page";

    /// <summary>A record's page opened from a printed notice: <c>?v=</c>, the version printed.</summary>
    public const string Versioned = "page-versioned";

    /// <summary>The search page: <c>?q=</c>.</summary>
    public const string Search = "page-search";

    /// <summary>A long list in pages: <c>?programme=&amp;after=</c>.</summary>
    public const string List = "page-list";

    /// <summary>
    /// The tag of cached responses that show the timeliness audit (and so vary by day): evicted when a new report is in
    /// and its date or window differs.
    /// </summary>
    public const string TimelinessTag = "timeliness";

    /// <summary>The tag of responses that show the whole timeliness report (the audit's page and API): evicted by every new report.</summary>
    public const string TimelinessReportTag = "timeliness:report";

    /// <summary>
    /// The tag of a page that shows the timeliness summary of one area (the region, a prefecture or a county): evicted
    /// when a new report changes that summary.
    /// </summary>
    public static string TimelinessTagOf(string areaCode) => "timeliness:" + areaCode;

    /// <summary>The tag of the checks' own page, which shows every county's findings: evicted when a rebuild changes any.</summary>
    public const string ChecksTag = "checks";

    /// <summary>The tag of a project's cached page (which shows its complaint counts): evicted by a complaint about it.</summary>
    public static string ProjectTag(long projectId) => "project:" + projectId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The tag of a county's cached page (which shows its accountability findings, complaint handling among them).</summary>
    public static string CountyTag(string countyCode) => "county:" + countyCode;

    /// <summary>Adds <paramref name="tag"/> to the tags the response is cached under (when it is cached at all).</summary>
    public static void AlsoTag(HttpContext http, string tag) => http.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);

    /// <summary>
    /// Says that the response shows the data of <paramref name="countyCode"/> only, so that an import changing other
    /// counties leaves it cached. Only for a page whose every record an import notes under this county, or under the whole
    /// site (<see cref="ChangedCounties"/>): its county's projects, allocations, notices and contacts; regions, documents
    /// and the kinds not kept on the record evict every page anyway.
    /// </summary>
    public static void ShowsCounty(HttpContext http, string countyCode)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context.Tags is { } tags)
        {
            tags.Remove(DataVersion.WideTag);
            tags.Add(DataVersion.CountyDataTag(countyCode));
        }
    }

    /// <summary>The longest a response is kept when nothing evicts it sooner.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.TryAddSingleton<NextScheduledChange>(_ => static (_, _) => ValueTask.FromResult<DateTimeOffset?>(null));
        services.AddCachePolicy(Page);
        services.AddCachePolicy(Versioned, "v");
        services.AddCachePolicy(Search, "q", "page");
        services.AddCachePolicy(List, "programme", "after");
        return services;
    }

    /// <summary>Adds the named policy <paramref name="name"/>: the cache varies by <paramref name="queryKeys"/> only.</summary>
    public static IServiceCollection AddCachePolicy(this IServiceCollection services, string name, params string[] queryKeys) =>
        services.Configure<OutputCacheOptions>(options => options.AddPolicy(name, policy => policy
            .SetVaryByQuery(queryKeys)
            .SetVaryByHost(false)
            .Tag(DataVersion.CacheTag, DataVersion.WideTag)
            .Expire(Lifetime)
            .AddPolicy<ScheduledExpiry>()
            .AddPolicy<SameDataVersion>()
            .AddPolicy<OrdinaryQueries>()
            .AddPolicy<ByEncoding>()));

    /// <summary>Caches the endpoints under the named policy and gives their responses validators (ETag, Last-Modified).</summary>
    public static TBuilder CachedAs<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder
    {
        builder.CacheOutput(policy);
        builder.AddEndpointFilter<TBuilder, Validators>();
        return builder;
    }

    /// <summary>
    /// Stores no response for a query no reader types: a key given twice, or a value longer than
    /// <see cref="MaxCachedValue"/> characters. Such a request is still answered, but a flood of them cannot fill the
    /// cache with entries nobody asks for again (the store's size limit bounds the rest).
    /// </summary>
    sealed class OrdinaryQueries : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var query = context.HttpContext.Request.Query;
            foreach (var key in context.CacheVaryByRules.QueryKeys)
            {
                if (key is not null && query.TryGetValue(key, out var values) && (values.Count > 1 || values.ToString().Length > MaxCachedValue))
                {
                    context.AllowCacheStorage = false;
                }
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>
    /// Keys the cache by the content coding the response will have (Brotli, gzip or none): compression runs inside the
    /// output cache, so each entry holds one encoding's bytes, compressed once.
    /// </summary>
    sealed class ByEncoding : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.CacheVaryByRules.VaryByValues["encoding"] = Hosting.Compression.Negotiated(context.HttpContext.Request);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>
    /// Keeps this response out of the page cache, and out of a CDN's (<c>no-store</c>): it says that something is still
    /// being computed.
    /// </summary>
    public static void DoNotStore(HttpContext http) => http.Items[typeof(DoNotStoreMarker)] = true;

    sealed class DoNotStoreMarker;

    /// <summary>
    /// Stores no response marked <see cref="DoNotStore"/>, nor one rendered while this node's data version moved: that
    /// one may show records from before an import whose pages were evicted during the rendering, and, as the cache key
    /// does not carry the data version (an import elsewhere leaves a page's entry in place), it would be served until
    /// the next eviction of its county.
    /// </summary>
    sealed class SameDataVersion(DataVersion dataVersion) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.HttpContext.Items[typeof(SameDataVersion)] = dataVersion.Version;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if ((context.HttpContext.Items[typeof(SameDataVersion)] is long rendered && rendered != dataVersion.Version)
                || context.HttpContext.Items.ContainsKey(typeof(DoNotStoreMarker)))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The longest query value whose response is cached.</summary>
    public const int MaxCachedValue = 100;

    /// <summary>Shortens a response's cache lifetime to the next scheduled change; none is stored once it is due.</summary>
    sealed class ScheduledExpiry(NextScheduledChange nextChange, TimeProvider clock) : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (await nextChange(context.HttpContext, cancellation) is not { } change)
            {
                return;
            }

            var left = change - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                context.AllowCacheStorage = false;
            }
            else if (context.ResponseExpirationTimeSpan is not { } lifetime || left < lifetime)
            {
                context.ResponseExpirationTimeSpan = left;
            }
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>
    /// Buffers the endpoint's result to hash it: the ETag is the body's, so every node of a farm gives one page the
    /// same tag. A matching If-None-Match gets 304 here; once the response is cached, the output cache middleware
    /// answers If-None-Match and If-Modified-Since from the stored headers.
    /// </summary>
    sealed class Validators(TimeProvider clock, NextScheduledChange nextChange) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var now = clock.GetUtcNow();
            var change = await nextChange(context.HttpContext, context.HttpContext.RequestAborted);
            return await next(context) is IResult result ? new ValidatedResult(result, now, SharedCacheControl(now, change)) : throw new InvalidOperationException(
                $"{context.HttpContext.Request.Path}: a cached endpoint must return an IResult");
        }
    }

    /// <summary>How long a shared cache (a CDN) may serve a page without asking: at most a minute, and never past the next scheduled change.</summary>
    public static readonly TimeSpan SharedLifetime = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Browsers keep a copy but ask again each time (a cheap 304); a CDN may serve it for <see cref="SharedLifetime"/>
    /// but never past <paramref name="change"/> (the next embargo boundary), then a stale copy for 30 s while it asks
    /// again, or for 10 minutes while the portal answers with errors.
    /// </summary>
    public static string SharedCacheControl(DateTimeOffset now, DateTimeOffset? change)
    {
        var shared = change is { } next && next - now < SharedLifetime ? next - now : SharedLifetime;
        var seconds = Math.Max(0, (long)Math.Floor(shared.TotalSeconds));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"public, max-age=0, s-maxage={seconds}, stale-while-revalidate=30, stale-if-error=600");
    }

    sealed class ValidatedResult(IResult inner, DateTimeOffset renderedAt, string cacheControl) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var response = http.Response;
            var body = response.Body;
            using var buffer = new ResponseBuffer();
            response.Body = buffer;
            try
            {
                await inner.ExecuteAsync(http);
            }
            finally
            {
                response.Body = body;
            }

            if (response.StatusCode == StatusCodes.Status200OK)
            {
                // Weak: the same page goes out as Brotli, gzip or plain bytes (compressed after this), all one tag.
                var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.Written.Span))[..32]}\"", isWeak: true);
                response.Headers.ETag = etag.ToString();
                response.Headers.LastModified = HeaderUtilities.FormatDate(renderedAt.AddTicks(-(renderedAt.Ticks % TimeSpan.TicksPerSecond)));
                response.Headers.CacheControl = http.Items.ContainsKey(typeof(DoNotStoreMarker)) ? "no-store" : cacheControl;
                if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags) && tags.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    response.ContentLength = null;
                    response.ContentType = null;
                    return;
                }
            }

            response.ContentLength = buffer.Length;
            await body.WriteAsync(buffer.Written, http.RequestAborted);
        }
    }
}
