namespace LinkagePortal.Rendering;

/// <summary>
/// 长辈版 (large type, after GB/T 37668 and the 适老化 guidance for government sites): a reader switches it on with a
/// plain link and it stays on through a cookie. Every page's HTML stays the same for everyone, so the output cache
/// keeps one copy per page: the layout always links <c>/css/reader.css</c>, which this endpoint answers per reader —
/// the large-type rules (<c>wwwroot/css/large-type.css</c>) when the cookie is set, an empty sheet otherwise — marked
/// <c>private, no-cache</c> and varying by cookie, so no shared cache mixes readers up and a switch shows at once.
/// Chosen over a script that sets a class from the cookie because it needs no JavaScript at all (the strict CSP
/// allows no inline script, and an external one would still need a no-script fallback) and never flashes small type.
/// </summary>
public static class LargeType
{
    public const string Cookie = "large-type";
    public const string StyleSheet = "/css/reader.css";
    public const string Switch = "/settings/large-type";

    public static IEndpointRouteBuilder MapLargeType(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("");
        string? rules = null;

        group.MapGet(StyleSheet, (HttpContext http, PortalPaths paths) =>
        {
            http.Response.Headers.CacheControl = "private, no-cache";
            http.Response.Headers.Vary = "Cookie";
            var on = http.Request.Cookies[Cookie] == "1";
            rules ??= File.ReadAllText(Path.Combine(paths.WebRoot, "css", "large-type.css"));
            return Results.Text(on ? rules : "/* 标准字号 */\n", "text/css; charset=utf-8");
        });

        // /settings/large-type?on=1 (or 0): set (or clear) the cookie for a year and go back to the page it was asked
        // from: the Referer's path when it is this site's, the home page otherwise.
        group.MapGet(Switch, (HttpContext http, string? on) =>
        {
            var response = http.Response;
            response.Headers.CacheControl = "no-store";
            if (on == "1")
            {
                response.Cookies.Append(Cookie, "1", new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365), Path = "/", SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps,
                    IsEssential = true,
                });
            }
            else
            {
                response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
            }

            return Results.Redirect(BackTo(http.Request), permanent: false, preserveMethod: false);
        });

        return routes;
    }

    static string BackTo(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
        && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && referer.AbsolutePath != Switch && !referer.AbsolutePath.StartsWith("//", StringComparison.Ordinal)
            ? referer.PathAndQuery
            : "/";
}
