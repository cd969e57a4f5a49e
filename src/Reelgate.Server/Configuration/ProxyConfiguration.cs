using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Reelgate.Server.Configuration;

/// <summary>
/// Behind a reverse proxy: X-Forwarded-Proto and X-Forwarded-Host (and -For) are honoured only from the proxies the
/// operator names in <c>Reelgate:TrustedProxies</c> (env <c>REELGATE_TRUSTED_PROXIES</c>: addresses or CIDR networks,
/// separated by commas). None by default, not even loopback: a header a client sent directly is never believed.
/// </summary>
public static partial class ProxyConfiguration
{
    public const string Key = "Reelgate:TrustedProxies";

    /// <summary>The trusted proxies and networks, or the error naming the setting.</summary>
    public static (IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks, string? Error) Read(
        IConfiguration configuration)
    {
        var section = configuration.GetSection(Key);
        var values = section.Value is { Length: > 0 } single
            ? single.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? "").Where(v => v.Length > 0).ToArray();
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var value in values)
        {
            if (value.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(value, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(value, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                return ([], [], $"{Key} (REELGATE_TRUSTED_PROXIES): '{value}' is not an IP address or a CIDR network such as 10.0.0.0/8");
            }
        }

        return (proxies, networks, null);
    }

    /// <summary>Honours forwarded headers from the configured proxies only; does nothing when none is configured.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var (proxies, networks, _) = Read(app.Configuration);
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(proxy);
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }

        app.UseForwardedHeaders(options);
        return app;
    }

    /// <summary>
    /// A server listening beyond loopback without REELGATE_PUBLIC_URL builds its absolute URLs from each request's
    /// Host header (or a trusted proxy's X-Forwarded-Host): say so at start.
    /// </summary>
    public static void WarnWithoutPublicUrl(WebApplication app)
    {
        if (ListensBeyondLoopbackWithoutPublicUrl(app.Configuration) is { } urls)
        {
            NoPublicUrl(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProxyConfiguration).FullName!), urls);
        }
    }

    /// <summary>The addresses beyond loopback the server listens on when REELGATE_PUBLIC_URL is not set; else null.</summary>
    public static string? ListensBeyondLoopbackWithoutPublicUrl(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Reelgate:PublicUrl"]))
        {
            return null;
        }

        var urls = (configuration["urls"] is { Length: > 0 } configured ? configured : EnvironmentAliases.DefaultUrl)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var beyond = urls.Where(BeyondLoopback).ToList();
        return beyond.Count > 0 ? string.Join(", ", beyond) : null;
    }

    private static bool BeyondLoopback(string url)
    {
        var host = BindingAddress.Parse(url).Host;
        if (host is "localhost" or "[::1]" || host.StartsWith("127.", StringComparison.Ordinal))
        {
            return false;
        }

        return !(IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning,
        Message = "The server listens beyond loopback ({Urls}) but REELGATE_PUBLIC_URL is not set: " +
                  "output and upload URLs are built from each request's Host header. " +
                  "Set REELGATE_PUBLIC_URL to the address clients use " +
                  "(and REELGATE_TRUSTED_PROXIES to the proxy's address when behind one)")]
    private static partial void NoPublicUrl(ILogger logger, string urls);
}
