using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>
/// EmpirioLabs as its docs describe it where they differ from the seed: "Authorization: Bearer ..."; POST
/// /v1/videos/generations → {"job_id"}; GET /v1/jobs/{id} → "queued", "processing" (with a progress in the form
/// <see cref="Progress"/> gives), then <see cref="DoneStatus"/> with result.outputs, or "failed", or <see cref="EndStatus"/>.
/// </summary>
public sealed class EmpirioLabsFake(string video, string key) : FakeProvider(video)
{
    /// <summary>The status of a finished job: "succeeded" (EmpirioLabs' docs) or "completed" (the seed).</summary>
    public string DoneStatus { get; set; } = "succeeded";

    /// <summary>The progress of a running job as sent (a fraction 0.5, or a percent 50).</summary>
    public JsonNode? Progress { get; set; } = JsonValue.Create(0.5);

    /// <summary>When set, the status a job ends with instead of <see cref="FakeProvider.Ending"/>'s (e.g. "canceled").</summary>
    public string? EndStatus { get; set; }

    protected override string OperationOf(HttpRequest request) =>
        (request.Method, request.Path.Value ?? "") switch
        {
            ("POST", "/v1/videos/generations") => "submit",
            ("POST", "/v1/uploads") => "upload",
            ("GET", var p) when p.StartsWith("/v1/jobs/", StringComparison.Ordinal) => "poll",
            _ => "other",
        };

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v1/videos/generations", async (HttpContext context) =>
        {
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + key)
            {
                return Unauthorized();
            }

            var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
            var job = NewJob("job_", body);
            return Results.Json(new JsonObject { ["job_id"] = job.Id, ["status"] = "queued" }, statusCode: 202);
        });
        app.MapPost("/v1/uploads", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            foreach (var file in form.Files)
            {
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes, context.RequestAborted);
                Uploads.Add(new RecordedUpload(file.Name, file.FileName, file.ContentType, bytes.ToArray()));
            }

            return Results.Json(new JsonObject { ["id"] = $"upl_{Uploads.Count}", ["object"] = "upload" }, statusCode: 201);
        });
        app.MapGet("/v1/jobs/{id}", (HttpContext context, string id) =>
        {
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + key)
            {
                return Unauthorized();
            }

            if (FindJob(id) is not { } job)
            {
                return Results.Json(
                    new JsonObject { ["error"] = new JsonObject
                    {
                        ["type"] = "not_found",
                        ["code"] = "job_not_found",
                        ["message"] = "no such job",
                    } },
                    statusCode: 404);
            }

            var ended = Advance(job);
            var answer = new JsonObject { ["job_id"] = job.Id };
            if (ended is null)
            {
                answer["status"] = job.Polls == 1 ? "queued" : "processing";
                answer["progress"] = job.Polls == 1 ? null : Progress?.DeepClone();
            }
            else if (EndStatus is not null)
            {
                answer["status"] = EndStatus;
            }
            else if (ended == FakeEnding.Done)
            {
                answer["status"] = DoneStatus;
                answer["progress"] = 1.0;
                answer["result"] = new JsonObject
                {
                    ["outputs"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "video",
                        ["url"] = OutputUrl.AbsoluteUri,
                        ["content_type"] = "video/mp4",
                    }),
                };
            }
            else
            {
                answer["status"] = "failed";
                answer["error"] = new JsonObject
                {
                    ["code"] = ended == FakeEnding.Moderated ? "content_moderation" : "generation_failed",
                    ["message"] = "the generation failed",
                };
            }

            return Results.Json(answer);
        });
    }

    private static IResult Unauthorized() =>
        Results.Json(
            new JsonObject { ["error"] = new JsonObject
            {
                ["type"] = "authentication_error",
                ["code"] = "invalid_api_key",
                ["message"] = "bad key",
            } },
            statusCode: 401);
}
