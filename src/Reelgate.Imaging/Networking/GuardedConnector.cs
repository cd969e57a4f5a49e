using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Reelgate.Imaging.Networking;

/// <summary>
/// The connect step of a guarded <see cref="SocketsHttpHandler"/>: resolves the host once, checks every
/// answer against the policy, and opens the socket to an address it checked, so a DNS answer that
/// changes between check and connect (rebinding) cannot slip through. Every redirect hop and every new
/// pooled connection comes through here.
/// </summary>
internal sealed class GuardedConnector
{
    private readonly PublicAddressPolicy _policy;
    private readonly IHostResolver _resolver;
    private readonly ILogger _logger;
    private readonly Func<IPEndPoint, CancellationToken, ValueTask<Stream>> _connect;

    public GuardedConnector(PublicAddressPolicy policy, IHostResolver resolver, ILogger logger,
        Func<IPEndPoint, CancellationToken, ValueTask<Stream>>? connect = null)
    {
        _policy = policy;
        _resolver = resolver;
        _logger = logger;
        _connect = connect ?? ConnectSocketAsync;
    }

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var port = context.DnsEndPoint.Port;
        var addresses = await ResolveCheckedAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            try
            {
                return await _connect(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                last = e;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>The addresses to connect to, each allowed by the policy; throws when any answer is refused.</summary>
    public async Task<IReadOnlyList<IPAddress>> ResolveCheckedAsync(string host, CancellationToken cancellationToken)
    {
        var name = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;

        // "127.0.0.1." is the address 127.0.0.1 to browsers and some resolvers; judge it as one.
        name = name.Length > 1 && name.EndsWith('.') ? name[..^1] : name;
        IPAddress[] answers;
        if (IPAddress.TryParse(name, out var literal) || TryParseScoped(name, out literal))
        {
            answers = [literal];
        }
        else
        {
            if (!_policy.IsAllowedHostName(name))
            {
                ImagingLog.AddressRefused(_logger, name, "(name)", AddressCategory.Loopback);
                throw new RefusedAddressException(name, null, AddressCategory.Loopback);
            }

            answers = await _resolver.ResolveAsync(name, cancellationToken).ConfigureAwait(false);
            if (answers.Length == 0)
            {
                throw new SocketException((int)SocketError.HostNotFound);
            }
        }

        var checkedAddresses = new List<IPAddress>(answers.Length);
        foreach (var answer in answers)
        {
            // A mapped address is the IPv4 host inside it; connect to that, as checked.
            var address = answer.IsIPv4MappedToIPv6 ? answer.MapToIPv4() : answer;
            var category = PublicAddressPolicy.Classify(address);
            if (!_policy.IsAllowed(category, name))
            {
                ImagingLog.AddressRefused(_logger, name, address.ToString(), category);
                throw new RefusedAddressException(name, address, category);
            }

            if (!checkedAddresses.Contains(address))
            {
                checkedAddresses.Add(address);
            }
        }

        return checkedAddresses;
    }

    /// <summary>An IPv6 literal with a zone ("fe80::1%eth0", or "%25eth0" as a URL spells it), judged without the zone.</summary>
    private static bool TryParseScoped(string name, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        var percent = name.IndexOf('%', StringComparison.Ordinal);
        return percent > 0 && name.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(name.AsSpan(0, percent), out address);
    }

    private static async ValueTask<Stream> ConnectSocketAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
#pragma warning disable IDISP001 // the returned NetworkStream owns the socket; it is disposed here on failure
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
#pragma warning restore IDISP001
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
