using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>
/// A provider on a loopback port (a minimal Kestrel app) speaking that provider's protocol, recording every
/// request in full, serving a real MP4 as the output, and injecting faults per operation ("submit", "poll",
/// "upload", "result", "cancel", "download"): each queued fault answers one request of that operation.
/// </summary>
public abstract class FakeProvider : IAsyncDisposable
{
    public const string VideoPath = "/files/video.mp4";
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeJob> _jobs = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _sequence;

    protected FakeProvider(string video)
    {
        Video = video;
    }

    public string Video { get; }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public Uri OutputUrl => new(BaseUrl, VideoPath);

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public ConcurrentBag<RecordedUpload> Uploads { get; } = [];

    public IReadOnlyCollection<FakeJob> Jobs => [.. _jobs.Values];

    /// <summary>Status polls a job answers "in progress" before it ends.</summary>
    public int PollsToFinish { get; set; } = 1;

    public FakeEnding Ending { get; set; } = FakeEnding.Done;

    /// <summary>While true, every job stays in progress (lifted by a test to let a job finish).</summary>
    public bool Hold { get; set; }

    /// <summary>Serve the output without Content-Length (chunked), so only the bytes read show its size.</summary>
    public bool ChunkedOutput { get; set; }

    public IEnumerable<RecordedRequest> Of(string operation) => Requests.Where(r => r.Operation == operation);

    public void Fault(string operation, Func<HttpContext, Task> answer, int times = 1)
    {
        var queue = _faults.GetOrAdd(operation, _ => new ConcurrentQueue<Func<HttpContext, Task>>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(answer);
        }
    }

    public void FaultStatus(string operation, int status, string body = "{}", int times = 1, string? retryAfter = null) =>
        Fault(operation, async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            await context.Response.WriteAsync(body, context.RequestAborted);
        }, times);

    public void FaultMalformed(string operation, int times = 1) => FaultStatus(operation, 200, "{\"oops\": tru", times);

    /// <summary>Answers late (then normally): a slow provider.</summary>
    public void FaultSlow(string operation, TimeSpan delay, int times = 1) =>
        Fault(operation, context => Task.Delay(delay, context.RequestAborted), times);

    /// <summary>The fake, listening; so the test that made it can start it in the same <c>await using</c> line.</summary>
    public static async Task<T> StartedAsync<T>(T fake, CancellationToken cancellationToken)
        where T : FakeProvider
    {
        await fake.StartAsync(cancellationToken);
        return fake;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            context.Request.Body.Position = 0;
            var operation = context.Request.Path == VideoPath ? "download" : OperationOf(context.Request);
            _requests.Enqueue(new RecordedRequest(
                operation,
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                buffer.ToArray(),
                System.Diagnostics.Stopwatch.GetTimestamp()));
            if (_faults.TryGetValue(operation, out var queue) && queue.TryDequeue(out var fault))
            {
                await fault(context);
                if (context.Response.HasStarted || context.Response.StatusCode != 200)
                {
                    return;
                }
            }

            await next(context);
        });
        app.MapGet(VideoPath, ServeVideoAsync);
        Map(app);
        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Urls.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    protected virtual async ValueTask DisposeAsyncCore()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>Which operation a request is, by the provider's paths.</summary>
    protected abstract string OperationOf(HttpRequest request);

    protected abstract void Map(WebApplication app);

    protected FakeJob NewJob(string prefix, System.Text.Json.Nodes.JsonObject body)
    {
        var job = new FakeJob($"{prefix}{Interlocked.Increment(ref _sequence)}", body);
        _jobs[job.Id] = job;
        return job;
    }

    protected FakeJob? FindJob(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Where a job is after one more poll.</summary>
    protected FakeEnding? Advance(FakeJob job)
    {
        var polls = job.CountPoll();
        if (Hold || Ending == FakeEnding.Never || polls <= PollsToFinish)
        {
            return null;
        }

        return Ending;
    }

    private async Task ServeVideoAsync(HttpContext context)
    {
        var bytes = await File.ReadAllBytesAsync(Video, context.RequestAborted);
        context.Response.ContentType = "video/mp4";
        if (!ChunkedOutput)
        {
            context.Response.ContentLength = bytes.Length;
        }

        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
