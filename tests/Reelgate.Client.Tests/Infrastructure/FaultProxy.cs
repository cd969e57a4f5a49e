using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Reelgate.Client.Tests.Infrastructure;

/// <summary>
/// A reverse proxy on a loopback port (Kestrel) in front of the real server, forwarding every request as is
/// (Host included, so output URLs point back at the proxy) and recording it, with faults injected by rule:
/// a dropped answer, a 503 after the server acted, a body cut short, a route refused.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _target;
    private readonly ConcurrentQueue<ProxiedRequest> _requests = new();
    private readonly ConcurrentQueue<FaultRule> _rules = new();

    private FaultProxy(Uri target)
    {
        _target = target;
        _upstream = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(ForwardAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ProxiedRequest> Requests => [.. _requests];

    public static async Task<FaultProxy> StartAsync(Uri target)
    {
        var proxy = new FaultProxy(target);
        await proxy._app.StartAsync(TestContext.Current.CancellationToken);
        var address = proxy._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.BaseAddress = new Uri(address);
        return proxy;
    }

    public FaultRule Add(FaultRule rule)
    {
        _rules.Enqueue(rule);
        return rule;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext http)
    {
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var seen = new ProxiedRequest(
            http.Request.Method,
            http.Request.Path.Value ?? "/",
            http.Request.QueryString.Value ?? string.Empty,
            headers,
            null);
        var rule = _rules.FirstOrDefault(r => r.TryApply(seen));
        _requests.Enqueue(seen with { Fault = rule?.Kind });
        var aborted = http.RequestAborted;

        if (rule?.Kind == FaultKind.Refuse)
        {
            await AnswerAsync(http, rule);
            return;
        }

        using var request = new HttpRequestMessage(
            new HttpMethod(http.Request.Method),
            new Uri(_target, http.Request.Path + http.Request.QueryString));
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(http.Request.Body);
        }

        foreach (var (name, value) in http.Request.Headers)
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
        }

        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, aborted);
        switch (rule?.Kind)
        {
            case FaultKind.DropAnswer:
                http.Abort();
                return;
            case FaultKind.ServiceUnavailableAfterForward:
                await AnswerAsync(http, rule);
                return;
        }

        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, value) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                http.Response.Headers[name] = value.ToArray();
            }
        }

        var limit = rule?.Kind == FaultKind.CutBody ? rule.CutAfterBytes : long.MaxValue;
        await using var body = await response.Content.ReadAsStreamAsync(aborted);
        var buffer = new byte[16 * 1024];
        long sent = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - sent)), aborted)) > 0)
        {
            await http.Response.Body.WriteAsync(buffer.AsMemory(0, read), aborted);
            await http.Response.Body.FlushAsync(aborted);
            sent += read;
            if (sent >= limit)
            {
                await Task.Delay(rule!.PauseBeforeCut, aborted);
                http.Abort();
                return;
            }
        }
    }

    private static async Task AnswerAsync(HttpContext http, FaultRule rule)
    {
        http.Response.StatusCode = rule.Status;
        if (rule.RetryAfter is not null)
        {
            http.Response.Headers.RetryAfter = rule.RetryAfter;
        }

        http.Response.ContentType = "text/plain";
        await http.Response.WriteAsync($"proxy fault {rule.Status}", http.RequestAborted);
    }
}
