using System.Net;
using Microsoft.Extensions.Logging;

namespace Reelgate.Imaging.Networking;

/// <summary>
/// Builds HTTP handlers that connect only where a <see cref="PublicAddressPolicy"/> allows: the host is
/// resolved once per connection, every answer checked, and the socket opened to the checked address.
/// No proxy, no cookies, no automatic redirects (callers follow them, so each hop is checked again), no
/// automatic decompression, no HTTP/3. Use it as the primary handler of a named HttpClient:
/// <c>services.AddHttpClient("x").ConfigurePrimaryHttpMessageHandler(sp =>
/// sp.GetRequiredService&lt;GuardedHttpHandlerFactory&gt;().Create(policy, timeout))</c>.
/// </summary>
public sealed class GuardedHttpHandlerFactory
{
    private readonly IHostResolver _resolver;
    private readonly ILogger _logger;
    private readonly Func<IPEndPoint, CancellationToken, ValueTask<Stream>>? _connect;

    public GuardedHttpHandlerFactory(IHostResolver resolver, ILogger<GuardedHttpHandlerFactory> logger)
        : this(resolver, (ILogger)logger, connect: null)
    {
    }

    /// <summary>Tests only: replaces the socket connect so no packet leaves the machine, whatever the guard says.</summary>
    internal GuardedHttpHandlerFactory(
        IHostResolver resolver, ILogger logger, Func<IPEndPoint, CancellationToken, ValueTask<Stream>>? connect)
    {
        _resolver = resolver;
        _logger = logger;
        _connect = connect;
    }

    public HttpMessageHandler Create(PublicAddressPolicy policy, TimeSpan connectTimeout)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var connector = new GuardedConnector(policy, _resolver, _logger, _connect);
#pragma warning disable CA2000, IDISP001 // the delegating handler owns and disposes the inner one
        var sockets = new SocketsHttpHandler
        {
            ConnectCallback = connector.ConnectAsync,
            AllowAutoRedirect = false,
            UseProxy = false,
            Proxy = null,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = connectTimeout,
            MaxResponseHeadersLength = 32,
            MaxResponseDrainSize = 0,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = 8,
        };
#pragma warning restore CA2000, IDISP001
        return new GuardedRequestHandler(sockets);
    }
}
