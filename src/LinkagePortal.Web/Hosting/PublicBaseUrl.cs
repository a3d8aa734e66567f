namespace LinkagePortal.Hosting;

/// <summary>
/// The portal's public address (<c>Portal:PublicBaseUrl</c>, e.g. <c>https://xczx.example.gov.cn</c>, with a path if the
/// site is mounted under one): the only origin any absolute URL the portal writes is built from — Atom ids and links,
/// QR codes, paging links and cursors, OpenAPI <c>servers</c>, DCAT and datapackage. The request's Host header is never
/// used for them, so a spoofed Host cannot change what is cached and printed.
/// </summary>
public sealed class PublicBaseUrl
{
    public const string Setting = "Portal:PublicBaseUrl";

    PublicBaseUrl(string value) => Value = value;

    /// <summary>Scheme, host, port and path base, without a trailing slash.</summary>
    public string Value { get; }

    public static PublicBaseUrl FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new InvalidOperationException(
                $"Configuration {Setting} is '{text}'; it must be the site's public http(s) address, e.g. https://xczx.example.gov.cn.");
        }

        return new PublicBaseUrl(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }

    /// <summary>The configured public base URL, for code that has only the request at hand.</summary>
    public static string Of(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<PublicBaseUrl>().Value;
}
