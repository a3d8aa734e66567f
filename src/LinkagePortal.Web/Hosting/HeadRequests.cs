using Microsoft.AspNetCore.Http.Features;

namespace LinkagePortal.Hosting;

/// <summary>
/// HEAD wherever GET is allowed (RFC 9110 §9.3.2): a HEAD request runs as the GET it mirrors, through the same
/// routing, output cache and headers, and its body is thrown away. Minimal APIs map GET only, so without this every
/// dynamic address answered HEAD with 405. (Kestrel drops a HEAD body by itself; the in-memory test server does not,
/// hence the discarding body feature.)
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Features.Get<IHttpResponseBodyFeature>()!;
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(body);
        }
    });
}
