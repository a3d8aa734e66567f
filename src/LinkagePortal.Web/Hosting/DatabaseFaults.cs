using System.Data.Common;
using LinkagePortal.Rendering;

namespace LinkagePortal.Hosting;

/// <summary>The database file is gone or cannot be reached: the request is answered 503, never served from a stale copy.</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message);

/// <summary>
/// When the database fails (gone, locked past the busy timeout, full disk, a timeout), a request that needed it gets
/// 503 with <c>Retry-After</c> — a problem for the API, a page for people, no stack trace — instead of a 500 or a
/// 30-second hang. Cached pages never reach here (the output cache serves them without the database), so the site
/// stays readable. A write whose transaction did not commit is never acknowledged: the exception reaches this
/// handler before any 201 is written.
/// </summary>
public static class DatabaseFaults
{
    public const int RetryAfterSeconds = 5;

    public static bool IsDatabaseFault(Exception? e) => e switch
    {
        null => false,
        DbException or TimeoutException or DatabaseUnavailableException => true,
        _ => IsDatabaseFault(e.InnerException),
    };

    public static IApplicationBuilder UseDatabaseFaults(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsDatabaseFault(e) && !context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseFaults))
                .LogWarning("Database unavailable on {Method} {Path}: {Message}", context.Request.Method, context.Request.Path, e.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            const string heading = "服务暂时不可用（503）";
            const string message = "数据库暂时无法访问，请稍后再试。没有写入任何内容：请求未被处理。";
            var result = context.Request.Path.StartsWithSegments("/api")
                ? Results.Problem(title: heading, detail: message, statusCode: StatusCodes.Status503ServiceUnavailable)
                : context.RequestServices.GetRequiredService<PageRenderer>()
                    .Page("Rendering/ErrorPage", new ErrorPages.ErrorModel(heading, message), heading, StatusCodes.Status503ServiceUnavailable);
            await result.ExecuteAsync(context);
        }
    });
}
