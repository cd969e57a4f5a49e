using System.Net;

namespace Reelgate.Imaging.Networking;

/// <summary>Turns a host name into addresses. A seam so tests can make a name resolve to any address.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
