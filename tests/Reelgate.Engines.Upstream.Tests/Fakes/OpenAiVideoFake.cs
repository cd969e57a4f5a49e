using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>
/// The OpenAI video protocol as a GPU server answers it: POST /v1/videos (each dialect reads its own body, see the
/// subclasses), GET /v1/videos/{id} (queued, in_progress with progress, completed, failed), GET /v1/videos/{id}/content
/// (404 until completed), DELETE /v1/videos/{id}, GET /health. Stricter than the real servers on one point: a field
/// the server would ignore or keep unused (pydantic's default, or SGLang's extra="allow") is refused with 400, so a
/// test fails when Reelgate sends a field the server would not honour.
/// </summary>
public abstract class OpenAiVideoFake(string video) : FakeProvider(video)
{
    /// <summary>Jobs on the server now (accepted, not ended or deleted): what the pool must keep within capacity.</summary>
    public int Running
    {
        get
        {
            lock (_ended)
            {
                return Jobs.Count - _ended.Count;
            }
        }
    }

    /// <summary>The most jobs this server held at once.</summary>
    public int MostAtOnce { get; private set; }

    public HashSet<string> Deleted { get; } = [];

    private readonly HashSet<string> _ended = [];

    /// <summary>The health path answers this status (503: the server is down for health checks).</summary>
    public int HealthStatus { get; set; } = 200;

    protected override string OperationOf(HttpRequest request) =>
        (request.Method, request.Path.Value ?? "") switch
        {
            ("POST", "/v1/videos") => "submit",
            ("DELETE", _) => "cancel",
            ("GET", "/health") or ("GET", "/v1/models") => "health",
            ("GET", var p) when p.EndsWith("/content", StringComparison.Ordinal) => "content",
            ("GET", var p) when p.StartsWith("/v1/videos/", StringComparison.Ordinal) => "poll",
            _ => "other",
        };

    /// <summary>The server's answer to a submission: its video object, or an error.</summary>
    protected abstract Task<IResult> CreateAsync(HttpContext context);

    /// <summary>The video object of a job in a status.</summary>
    protected abstract JsonObject VideoObject(FakeJob job, string status, int progress);

    protected abstract JsonObject Deletion(FakeJob job);

    protected FakeJob Accept(JsonObject body)
    {
        var job = NewJob(IdPrefix, body);
        var running = Running;
        lock (_ended)
        {
            MostAtOnce = Math.Max(MostAtOnce, running);
        }

        return job;
    }

    protected abstract string IdPrefix { get; }

    protected static IResult Detail(int status, string detail) => Results.Json(new JsonObject { ["detail"] = detail }, statusCode: status);

    protected override void Map(WebApplication app)
    {
        app.MapGet("/health", () => Results.Json(new JsonObject(), statusCode: HealthStatus));
        app.MapPost("/v1/videos", (Func<HttpContext, Task<IResult>>)CreateAsync);
        app.MapGet("/v1/videos/{id}", (string id) =>
        {
            if (FindJob(id) is not { } job || Deleted.Contains(id))
            {
                return Detail(404, "Video not found");
            }

            var ended = Advance(job);
            if (ended is not null)
            {
                End(id);
            }

            return ended switch
            {
                null => Results.Json(VideoObject(job, job.Polls <= 1 ? "queued" : "in_progress", Math.Min(90, (job.Polls - 1) * 30))),
                FakeEnding.Done => Results.Json(VideoObject(job, "completed", 100)),
                _ => Results.Json(Failed(VideoObject(job, "failed", 0))),
            };
        });
        app.MapGet("/v1/videos/{id}/content", async (HttpContext context, string id) =>
        {
            if (FindJob(id) is not { } job || Deleted.Contains(id) || job.Polls <= PollsToFinish || Ending != FakeEnding.Done)
            {
                await Detail(404, "Generation is still in-progress").ExecuteAsync(context);
                return;
            }

            var bytes = await File.ReadAllBytesAsync(Video, context.RequestAborted);
            context.Response.ContentType = "video/mp4";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        });
        app.MapDelete("/v1/videos/{id}", (string id) =>
        {
            if (FindJob(id) is not { } job || !Deleted.Add(id))
            {
                return Detail(404, "Video not found");
            }

            End(id);

            return Results.Json(Deletion(job));
        });
    }

    private void End(string id)
    {
        lock (_ended)
        {
            _ended.Add(id);
        }
    }

    protected virtual JsonObject Failed(JsonObject video)
    {
        video["error"] = new JsonObject { ["code"] = "generation_failed", ["message"] = "CUDA out of memory" };
        return video;
    }

    protected static long Now => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    protected static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
