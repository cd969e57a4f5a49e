using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Reelgate.Imaging.Tests.Support;

/// <summary>
/// Stands in for the guarded handler's socket connect. Records every endpoint it is asked for, may route a
/// (public, test-only) endpoint to a loopback server, and refuses to open anything that is not loopback,
/// so no test ever sends a packet off this machine, whatever the guard decides.
/// </summary>
internal sealed class RecordingConnector
{
    private readonly ConcurrentQueue<IPEndPoint> _attempts = new();
    private readonly ConcurrentDictionary<IPEndPoint, IPEndPoint> _routes = new();

    public IReadOnlyCollection<IPEndPoint> Attempts => _attempts.ToArray();

    /// <summary>Connections asked for <paramref name="from"/> are opened to the loopback <paramref name="to"/>.</summary>
    public RecordingConnector Route(IPEndPoint from, IPEndPoint to)
    {
        _routes[from] = to;
        return this;
    }

    public async ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        _attempts.Enqueue(endpoint);
        var target = _routes.TryGetValue(endpoint, out var routed) ? routed : endpoint;
        var address = target.Address.IsIPv4MappedToIPv6 ? target.Address.MapToIPv4() : target.Address;
        if (!IPAddress.IsLoopback(address))
        {
            throw new SocketException((int)SocketError.ConnectionRefused);
        }

        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, target.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
