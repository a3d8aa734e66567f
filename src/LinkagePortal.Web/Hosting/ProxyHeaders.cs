using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LinkagePortal.Hosting;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the proxies named in
/// <c>Hosting:KnownProxies</c> (addresses) and <c>Hosting:KnownNetworks</c> (CIDR, e.g. 10.0.0.0/8); from anyone
/// else they are ignored, so a client cannot pick its own address for the rate limits or the log. The host is never
/// taken from a forwarded header (absolute URLs use <see cref="PublicBaseUrl"/>). The framework's middleware.
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("Hosting:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("Hosting:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Configuration Hosting:KnownProxies has '{proxy}', which is not an IP address."));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Configuration Hosting:KnownNetworks has '{network}', which is not a network such as 10.0.0.0/8."));
            }

            options.ForwardLimit = Math.Max(1, proxies.Length + networks.Length);
        });
        return services;
    }
}
