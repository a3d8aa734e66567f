namespace LinkagePortal.Hosting;

/// <summary>
/// Browser security headers on every response (pages, API, error pages, static files, cached responses alike): a
/// Content-Security-Policy that allows only this site's own scripts and styles (no inline script or style anywhere),
/// no framing, no MIME sniffing, no referrer beyond the origin, no powerful browser features, and HSTS when the
/// request came over HTTPS. Written by hand: the framework has HSTS (<c>UseHsts</c>, which skips localhost and
/// so cannot be tested here) but no middleware for the others.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>Kestrel sends no <c>Server</c> header.</summary>
    public static WebApplicationBuilder WithoutServerHeader(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            headers.Remove("Server");
            return Task.CompletedTask;
        });
        return next(context);
    });
}
