using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>
/// PixVerse's platform API as upstreams.md describes it: API-KEY and Ai-trace-id on every request, every answer
/// HTTP 200 with {ErrCode, ErrMsg, Resp}; upload → img_id; text/img/transition generate → video_id (a repeated
/// trace id gets the same video_id back); result → status 1/5/7/8 and url.
/// </summary>
public sealed class PixverseFake(string video, string key) : FakeProvider(video)
{
    private readonly ConcurrentDictionary<string, FakeJob> _byTrace = new(StringComparer.Ordinal);
    private int _images;

    /// <summary>When set, the result status a job ends with instead of <see cref="FakeProvider.Ending"/>'s (6 deleted, or one nobody
    /// knows).</summary>
    public int? EndStatus { get; set; }

    public static string Envelope(long code, string message, JsonNode? resp = null) =>
        new JsonObject { ["ErrCode"] = code, ["ErrMsg"] = message, ["Resp"] = resp ?? new JsonObject() }.ToJsonString();

    protected override string OperationOf(HttpRequest request) =>
        request.Path.Value switch
        {
            "/openapi/v2/image/upload" => "upload",
            { } p when p.StartsWith("/openapi/v2/video/result/", StringComparison.Ordinal) => "poll",
            { } p when p.EndsWith("/generate", StringComparison.Ordinal) => "submit",
            _ => "other",
        };

    protected override void Map(WebApplication app)
    {
        app.MapPost("/openapi/v2/image/upload", async (HttpContext context) =>
        {
            if (Refused(context))
            {
                return Results.Text(Envelope(10005, "invalid API key"), "application/json");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            foreach (var file in form.Files)
            {
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes, context.RequestAborted);
                Uploads.Add(new RecordedUpload(file.Name, file.FileName, file.ContentType, bytes.ToArray()));
            }

            var id = Interlocked.Increment(ref _images) + 1000;
            return Results.Text(
                Envelope(0, "success", new JsonObject { ["img_id"] = id, ["img_url"] = $"{BaseUrl}img/{id}" }),
                "application/json");
        });
        foreach (var route in new[] { "text", "img", "transition" })
        {
            app.MapPost($"/openapi/v2/video/{route}/generate", async (HttpContext context) =>
            {
                if (Refused(context))
                {
                    return Results.Text(Envelope(10005, "invalid API key"), "application/json");
                }

                var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
                var trace = context.Request.Headers["Ai-trace-id"].ToString();
                var job = _byTrace.GetOrAdd(trace, _ => NewJob("", body));
                return Results.Text(
                    Envelope(
                        0,
                        "success",
                        new JsonObject { ["video_id"] = long.Parse(job.Id, System.Globalization.CultureInfo.InvariantCulture) }),
                    "application/json");
            });
        }

        app.MapGet("/openapi/v2/video/result/{id}", (HttpContext context, string id) =>
        {
            if (Refused(context))
            {
                return Results.Text(Envelope(10005, "invalid API key"), "application/json");
            }

            if (FindJob(id) is not { } job)
            {
                return Results.Text(Envelope(400017, "video not found"), "application/json");
            }

            var ended = Advance(job);
            var status = ended switch
            {
                null => 5,
                _ when EndStatus is { } end => end,
                FakeEnding.Done => 1,
                FakeEnding.Moderated => 7,
                _ => 8,
            };
            var resp = new JsonObject
            {
                ["id"] = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture),
                ["status"] = status,
                ["url"] = status == 1 ? OutputUrl.AbsoluteUri : "",
                ["outputWidth"] = 320,
                ["outputHeight"] = 180,
                ["seed"] = job.Body["seed"]?.DeepClone(),
                ["size"] = 0,
                ["create_time"] = "2026-11-24 10:00:00",
                ["modify_time"] = "2026-11-24 10:00:05",
            };
            return Results.Text(Envelope(0, "success", resp), "application/json");
        });
    }

    private bool Refused(HttpContext context) =>
        context.Request.Headers["API-KEY"].ToString() != key || string.IsNullOrEmpty(context.Request.Headers["Ai-trace-id"].ToString());
}
