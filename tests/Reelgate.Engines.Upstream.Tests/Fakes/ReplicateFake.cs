using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>
/// Replicate's predictions API as upstreams.md describes it: Bearer token; POST /v1/models/{owner}/{name}/predictions
/// with {"input": {...}} → a prediction; GET /v1/predictions/{id}: starting, processing, succeeded (output is the
/// URL), failed (error is a string), canceled; POST /v1/predictions/{id}/cancel.
/// </summary>
public sealed class ReplicateFake(string video, string key) : FakeProvider(video)
{
    public const string ModerationError = "E005: The input or output was flagged as sensitive. Please try again with different inputs.";

    protected override string OperationOf(HttpRequest request) =>
        (request.Method, request.Path.Value ?? "") switch
        {
            ("POST", var p) when p.EndsWith("/cancel", StringComparison.Ordinal) => "cancel",
            ("POST", _) => "submit",
            ("GET", _) => "poll",
            _ => "other",
        };

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v1/models/{owner}/{name}/predictions", async (HttpContext context) =>
        {
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + key)
            {
                return Results.Json(
                    new JsonObject
                    {
                        ["title"] = "Unauthenticated",
                        ["detail"] = "You did not pass a valid authentication token",
                        ["status"] = 401,
                    },
                    statusCode: 401);
            }

            var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
            var job = NewJob("pred", body);
            return Results.Json(Prediction(job, "starting"), statusCode: 201);
        });
        app.MapGet("/v1/predictions/{id}", (HttpContext context, string id) =>
        {
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + key)
            {
                return Results.Json(new JsonObject { ["detail"] = "You did not pass a valid authentication token" }, statusCode: 401);
            }

            if (FindJob(id) is not { } job)
            {
                return Results.Json(new JsonObject { ["detail"] = "Not found." }, statusCode: 404);
            }

            var prediction = Advance(job) switch
            {
                null => Prediction(job, "processing"),
                FakeEnding.Done => Prediction(job, "succeeded", output: OutputUrl.AbsoluteUri),
                FakeEnding.Moderated => Prediction(job, "failed", error: ModerationError),
                _ => Prediction(job, "failed", error: "Prediction failed for an unknown reason"),
            };
            return Results.Json(prediction);
        });
        app.MapPost("/v1/predictions/{id}/cancel", (string id) =>
            FindJob(id) is { } job ? Results.Json(Prediction(job, "canceled")) : Results.Json(
                new JsonObject { ["detail"] = "Not found." },
                statusCode: 404));
    }

    private JsonObject Prediction(FakeJob job, string status, string? output = null, string? error = null) => new()
    {
        ["id"] = job.Id,
        ["model"] = "pixverse/pixverse-v5.6",
        ["version"] = "hidden",
        ["status"] = status,
        ["input"] = job.Body["input"]?.DeepClone(),
        ["output"] = output,
        ["error"] = error,
        ["logs"] = "",
        ["urls"] = new JsonObject
        {
            ["get"] = new Uri(BaseUrl, $"v1/predictions/{job.Id}").AbsoluteUri,
            ["cancel"] = new Uri(BaseUrl, $"v1/predictions/{job.Id}/cancel").AbsoluteUri,
        },
        ["created_at"] = "2026-11-24T10:00:00.000Z",
        ["started_at"] = status == "starting" ? null : "2026-11-24T10:00:01.000Z",
        ["completed_at"] = status is "succeeded" or "failed" or "canceled" ? "2026-11-24T10:00:09.000Z" : null,
    };
}
