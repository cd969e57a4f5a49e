using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>
/// fal's queue API as upstreams.md describes it: "Authorization: Key ..."; POST /{endpoint_id} → request_id and
/// the status/response/cancel URLs (on the app id, owner/app, as fal answers them); status IN_QUEUE, IN_PROGRESS,
/// COMPLETED; a failed request is COMPLETED whose result answers an error status with {"detail": ...}.
/// </summary>
public sealed class FalFake(string video, string key) : FakeProvider(video)
{
    public static string PolicyViolation =>
        """{"detail": [{"loc": ["body", "prompt"], "msg": "The content could not be processed because it contained material flagged by""" +
            """ a content checker.", "type": "content_policy_violation"}]}""";

    protected override string OperationOf(HttpRequest request) =>
        (request.Method, request.Path.Value ?? "") switch
        {
            ("POST", _) => "submit",
            ("PUT", _) => "cancel",
            ("GET", var p) when p.EndsWith("/status", StringComparison.Ordinal) => "poll",
            ("GET", var p) when p.Contains("/requests/", StringComparison.Ordinal) => "result",
            _ => "other",
        };

    protected override void Map(WebApplication app)
    {
        app.MapPost("/{**endpoint}", async (HttpContext context, string endpoint) =>
        {
            if (context.Request.Headers.Authorization.ToString() != "Key " + key)
            {
                return Results.Json(new JsonObject { ["detail"] = "Invalid or missing credentials" }, statusCode: 401);
            }

            var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
            var job = NewJob("req-", body);
            var app = string.Join('/', endpoint.Split('/').Take(2));
            var requests = new Uri(BaseUrl, $"{app}/requests/{job.Id}").AbsoluteUri;
            return Results.Json(new JsonObject
            {
                ["request_id"] = job.Id,
                ["response_url"] = requests,
                ["status_url"] = requests + "/status",
                ["cancel_url"] = requests + "/cancel",
                ["queue_position"] = 0,
            });
        });
        app.MapGet("/{owner}/{app}/requests/{id}/status", (HttpContext context, string id) =>
        {
            if (context.Request.Headers.Authorization.ToString() != "Key " + key)
            {
                return Results.Json(new JsonObject { ["detail"] = "Invalid or missing credentials" }, statusCode: 401);
            }

            if (FindJob(id) is not { } job)
            {
                return Results.Json(new JsonObject { ["detail"] = "Request not found" }, statusCode: 404);
            }

            var ended = Advance(job);
            var status = ended is null ? (job.Polls == 1 ? "IN_QUEUE" : "IN_PROGRESS") : "COMPLETED";
            return Results.Json(
                new JsonObject { ["status"] = status, ["queue_position"] = 0, ["logs"] = new JsonArray() },
                statusCode: 200);
        });
        app.MapGet("/{owner}/{app}/requests/{id}", (HttpContext context, string id) =>
        {
            if (FindJob(id) is null)
            {
                return Results.Json(new JsonObject { ["detail"] = "Request not found" }, statusCode: 404);
            }

            return Ending switch
            {
                FakeEnding.Moderated => Results.Text(PolicyViolation, "application/json", statusCode: 422),
                FakeEnding.Failed => Results.Json(new JsonObject { ["detail"] = "Internal error while generating" }, statusCode: 500),
                _ => Results.Json(new JsonObject
                {
                    ["video"] = new JsonObject
                    {
                        ["url"] = OutputUrl.AbsoluteUri,
                        ["content_type"] = "video/mp4",
                        ["file_name"] = "output.mp4",
                        ["file_size"] = new FileInfo(Video).Length,
                    },
                }),
            };
        });
        app.MapPut(
            "/{owner}/{app}/requests/{id}/cancel",
            () => Results.Json(new JsonObject { ["status"] = "CANCELLATION_REQUESTED" }, statusCode: 202));
    }
}
