using System.Net;

namespace Reelgate.Imaging.Networking;

/// <summary>The system resolver (getaddrinfo), A and AAAA answers both.</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
