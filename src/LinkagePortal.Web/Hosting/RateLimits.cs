using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace LinkagePortal.Hosting;

/// <summary>
/// Per-client rate limits and a cap on expensive work in flight (the framework's rate limiter). A client is the
/// connection's remote address after <see cref="ProxyHeaders"/> (so behind a known proxy, the real client's).
/// <list type="bullet">
/// <item><c>search</c>: <c>/search</c>, <c>/hotline?q=</c>, <c>/api/v1/lookup</c>;</item>
/// <item><c>api</c>: every other GET under <c>/api/</c> (lists, items, counts);</item>
/// <item><c>export</c>: every <c>.csv</c> and <c>.ndjson</c> address;</item>
/// <item><c>write</c>: POSTs to <c>/api/v1/complaints</c>;</item>
/// <item><c>failed-authentication</c>: wrong or revoked API keys (counted by the authentication handler).</item>
/// </list>
/// Each is a token bucket (<c>RateLimits:{class}:Burst</c> requests at once, refilled by <c>Refill</c> every
/// <c>PeriodSeconds</c>). Past it: 429 with <c>Retry-After</c>. Search, API and export requests also share one
/// concurrency limit (<c>RateLimits:Expensive:Concurrent</c>, a short queue behind it), so that however many clients
/// hammer them, the cores are left for pages, which the output cache serves before any limiter runs.
/// </summary>
public static class RateLimits
{
    /// <summary>
    /// A class of requests with a token bucket per client: its name (the configuration section), its default bucket,
    /// and whether its requests also share the cap on expensive work in flight.
    /// </summary>
    public sealed record LimitClass(string Name, int Burst, int Refill, int PeriodSeconds, bool Expensive);

    public static readonly LimitClass Search = new("search", Burst: 30, Refill: 10, PeriodSeconds: 1, Expensive: true);
    public static readonly LimitClass Api = new("api", Burst: 60, Refill: 20, PeriodSeconds: 1, Expensive: true);
    public static readonly LimitClass Export = new("export", Burst: 6, Refill: 6, PeriodSeconds: 60, Expensive: true);
    public static readonly LimitClass Write = new("write", Burst: 30, Refill: 30, PeriodSeconds: 60, Expensive: false);
    public static readonly LimitClass FailedAuthentication = new("failed-authentication", Burst: 10, Refill: 10, PeriodSeconds: 60, Expensive: false);

    static readonly LimitClass[] Classes = [Search, Api, Export, Write, FailedAuthentication];

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var buckets = Classes.ToDictionary(c => c.Name, c => Bucket(configuration, c));
        var expensive = configuration.GetValue("RateLimits:Expensive:Concurrent", 2 * Environment.ProcessorCount);
        var queue = configuration.GetValue("RateLimits:Expensive:Queue", 32 * Environment.ProcessorCount);
        services.AddSingleton(new FailedAuthentications(PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetTokenBucketLimiter(client, _ => buckets[FailedAuthentication.Name]))));
        services.AddRateLimiter(options =>
        {
            var perClient = PartitionedRateLimiter.Create<HttpContext, (string, string)>(context =>
                Classify(context.Request) is { } kind
                    ? RateLimitPartition.GetTokenBucketLimiter((kind.Name, Client(context)), key => buckets[key.Item1])
                    : RateLimitPartition.GetNoLimiter((string.Empty, string.Empty)));
            var inFlight = PartitionedRateLimiter.Create<HttpContext, bool>(context =>
                Classify(context.Request) is { Expensive: true }
                    ? RateLimitPartition.GetConcurrencyLimiter(true, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = expensive,
                        QueueLimit = queue,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter(false));
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perClient, inFlight);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                return new ValueTask(TooMany(context.HttpContext, wait).ExecuteAsync(context.HttpContext));
            };
        });
        return services;
    }

    /// <summary>The 429 answer: <c>Retry-After</c> in whole seconds and a problem naming the limit.</summary>
    public static IResult TooMany(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
            title: "请求过于频繁",
            detail: $"此客户端的请求超过了限额，请 {seconds} 秒后再试。限额见 README 和 /openapi.json。",
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The rate-limit class of a request, or null for addresses without a per-client limit (pages).</summary>
    public static LimitClass? Classify(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsPost(request.Method))
        {
            return path.StartsWith("/api/v1/complaints", StringComparison.OrdinalIgnoreCase) ? Write : null;
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return Export;
        }

        if (path.Equals("/search", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/v1/lookup", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/hotline", StringComparison.OrdinalIgnoreCase) && request.Query.ContainsKey("q"))
        {
            return Search;
        }

        return path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) ? Api : null;
    }

    /// <summary>The client's address (after forwarded-header processing).</summary>
    public static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    static TokenBucketRateLimiterOptions Bucket(IConfiguration configuration, LimitClass kind)
    {
        var section = configuration.GetSection($"RateLimits:{kind.Name}");
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = section.GetValue("Burst", kind.Burst),
            TokensPerPeriod = section.GetValue("Refill", kind.Refill),
            ReplenishmentPeriod = TimeSpan.FromSeconds(section.GetValue("PeriodSeconds", kind.PeriodSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}

/// <summary>Counts wrong or revoked API keys per client; past the limit the client gets 429 until the bucket refills.</summary>
public sealed class FailedAuthentications(PartitionedRateLimiter<string> limiter)
{
    /// <summary>Counts one failure; returns how long the client must wait, or null while it is within the limit.</summary>
    public TimeSpan? Count(HttpContext context)
    {
        using var lease = limiter.AttemptAcquire(RateLimits.Client(context));
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }
}
