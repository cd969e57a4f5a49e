using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Reelgate.Testing;

/// <summary>
/// A tiny HTTP/1.1 server on a loopback port for code that fetches URLs (image inputs, webhooks). It counts
/// every TCP connection it accepts, so a test can prove a guarded client never connected. Each connection
/// serves one request and closes. Routes: fixed bytes, redirects, a trickling body, an endless body, any
/// handler. Unmapped paths answer 404.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Func<LoopbackRequest, Stream, CancellationToken, Task>> _routes = new(
        StringComparer.Ordinal);
    private readonly ConcurrentQueue<LoopbackRequest> _requests = new();
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly Task _acceptLoop;
    private int _connectionCount;

    private LoopbackHttpServer(IPAddress address)
    {
        _listener = new TcpListener(address, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Address = address;
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Starts listening on a free port of 127.0.0.1 (or the loopback address given).</summary>
    public static LoopbackHttpServer Start(IPAddress? address = null) => new(address ?? IPAddress.Loopback);

    public IPAddress Address { get; }

    public int Port { get; }

    /// <summary>TCP connections accepted so far (a refused fetch must leave this at 0).</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public IReadOnlyCollection<LoopbackRequest> Requests => _requests.ToArray();

    public Uri Url(string pathAndQuery) =>
        new($"http://{(Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString())}:{Port}{pathAndQuery}");

    public void Map(string path, Func<LoopbackRequest, Stream, CancellationToken, Task> handler) => _routes[path] = handler;

    /// <summary>Serves the bytes with a Content-Length and the given Content-Type (which need not match the bytes).</summary>
    public void MapBytes(string path, byte[] body, string contentType) =>
        Map(path, async (_, stream, ct) =>
        {
            await WriteHeadAsync(
                stream,
                200,
                "OK",
                [("Content-Type", contentType), ("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture))],
                ct);
            await stream.WriteAsync(body, ct);
        });

    public void MapStatus(string path, int status) =>
        Map(path, (_, stream, ct) => WriteHeadAsync(stream, status, "Status", [("Content-Length", "0")], ct));

    public void MapRedirect(string path, string location, int status = 302) =>
        Map(path, (_, stream, ct) => WriteHeadAsync(stream, status, "Redirect", [("Location", location), ("Content-Length", "0")], ct));

    /// <summary>Sends the head (optionally claiming a length), then one byte per interval until the client leaves.</summary>
    public void MapTrickle(string path, TimeSpan interval, long? declaredLength = null) =>
        Map(path, async (_, stream, ct) =>
        {
            var headers = new List<(string, string)> { ("Content-Type", "image/png") };
            if (declaredLength is { } length)
            {
                headers.Add(("Content-Length", length.ToString(CultureInfo.InvariantCulture)));
            }

            await WriteHeadAsync(stream, 200, "OK", headers, ct);
            var magic = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
            for (var i = 0; ; i++)
            {
                await stream.WriteAsync(magic.AsMemory(i % magic.Length, 1), ct);
                await stream.FlushAsync(ct);
                await Task.Delay(interval, ct);
            }
        });

    /// <summary>Streams bytes as fast as the client reads, without a length, until the client leaves.</summary>
    public void MapEndless(string path, string contentType = "image/jpeg") =>
        Map(path, async (_, stream, ct) =>
        {
            await WriteHeadAsync(stream, 200, "OK", [("Content-Type", contentType)], ct);
            var chunk = new byte[64 * 1024];
            chunk[0] = 0xFF;
            chunk[1] = 0xD8;
            chunk[2] = 0xFF;
            while (true)
            {
                await stream.WriteAsync(chunk, ct);
                chunk[0] = 0;
            }
        });

    /// <summary>Writes a response head; the connection closes after the body.</summary>
    public static async Task WriteHeadAsync(
        Stream stream,
        int status,
        string reason,
        IEnumerable<(string Name, string Value)> headers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(headers);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(_connections.Keys);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            Interlocked.Increment(ref _connectionCount);
            var task = ServeAsync(client);
            _connections[task] = true;
            _ = task.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, _stopping.Token);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                if (_routes.TryGetValue(request.Path, out var handler))
                {
                    await handler(request, stream, _stopping.Token);
                }
                else
                {
                    await WriteHeadAsync(stream, 404, "Not Found", [("Content-Length", "0")], _stopping.Token);
                }

                await stream.FlushAsync(_stopping.Token);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client left (a refused size, a timeout) or the server is stopping.
            }
        }
    }

    private static async Task<LoopbackRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            length += read;
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var lines = Encoding.ASCII.GetString(buffer, 0, end).Split("\r\n");
                var parts = lines[0].Split(' ');
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var line in lines.Skip(1))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                    }
                }

                return new LoopbackRequest(parts[0], parts.Length > 1 ? parts[1] : "/", headers);
            }
        }

        return null;
    }
}
