using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests;

/// <summary>
/// tools/webhook-receiver.mjs as a child process: a loopback receiver that verifies every delivery with
/// the npm package standardwebhooks and fails the first attempts of each message on purpose.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Process _process;

    private WebhookReceiver(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hooks");

    public static async Task<WebhookReceiver> StartAsync(string secret, int failFirst, CancellationToken token)
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var script = Path.Combine(RepositoryPaths.Root, "tools", "webhook-receiver.mjs");
        var start = new ProcessStartInfo(
            "node",
            [script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), secret, failFirst.ToString(
                System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var receiver = new WebhookReceiver(process, port);
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    await receiver.LogAsync(token);
                    return true;
                }
                catch (HttpRequestException) when (!process.HasExited)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(20),
            token,
            () => "the webhook receiver did not answer");
        return receiver;
    }

    public async Task<JsonObject> LogAsync(CancellationToken token)
    {
        using var http = new HttpClient();
        return (await http.GetFromJsonAsync<JsonObject>($"http://127.0.0.1:{Port}/log", token))!;
    }

    /// <summary>Asks the receiver to verify a body against headers without counting it as a delivery.</summary>
    public async Task<bool> VerifiesAsync(string body, JsonObject headers, CancellationToken token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body) };
        foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" })
        {
            request.Headers.TryAddWithoutValidation(name, headers[name]!.GetValue<string>());
        }

        request.Headers.Add("x-check", "1");
        using var response = await http.SendAsync(request, token);
        return response.IsSuccessStatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
