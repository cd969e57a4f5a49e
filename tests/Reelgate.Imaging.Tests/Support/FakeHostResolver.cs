using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Reelgate.Imaging.Networking;

namespace Reelgate.Imaging.Tests.Support;

/// <summary>
/// A DNS stand-in: names under example.test answer what the test says (a list per call, so an answer can
/// change between calls, as in DNS rebinding). Numeric and localhost names go to the system resolver,
/// which answers them without the network; any other name does not exist.
/// </summary>
internal sealed class FakeHostResolver : IHostResolver
{
    private readonly ConcurrentDictionary<string, Queue<IPAddress[]>> _answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _lookups = new();
    private readonly DnsHostResolver _system = new();

    public IReadOnlyCollection<string> Lookups => _lookups.ToArray();

    /// <summary>Each lookup of the name takes the next answer; the last one repeats.</summary>
    public FakeHostResolver Answer(string host, params IPAddress[][] answers)
    {
        _answers[host] = new Queue<IPAddress[]>(answers);
        return this;
    }

    public FakeHostResolver Answer(string host, params string[] addresses) =>
        Answer(host, [addresses.Select(IPAddress.Parse).ToArray()]);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        _lookups.Enqueue(host);
        if (_answers.TryGetValue(host, out var queue))
        {
            lock (queue)
            {
                return Task.FromResult(queue.Count > 1 ? queue.Dequeue() : queue.Peek());
            }
        }

        if (host.All(c => char.IsAsciiDigit(c) || c == '.') || host.EndsWith("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return _system.ResolveAsync(host, cancellationToken);
        }

        throw new SocketException((int)SocketError.HostNotFound);
    }
}
