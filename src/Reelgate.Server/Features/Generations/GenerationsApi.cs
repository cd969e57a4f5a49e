using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Server.Auth;
using Reelgate.Server.Errors;
using Reelgate.Server.Features.Jobs;
using Reelgate.Server.Http;

namespace Reelgate.Server.Features.Generations;

/// <summary>POST /v1/videos/generations: validate, price, hold, queue; answer 202 with the job at once.</summary>
public static class GenerationsApi
{
    public const int MaxIdempotencyKeyLength = 255;

    public static RouteGroupBuilder MapGenerations(this RouteGroupBuilder v1)
    {
        v1.MapPost("/videos/generations", SubmitAsync)
            .WithName("CreateVideoGeneration")
            .WithSummary("Submit a video generation job")
            .WithDescription("Validates the request by the model's parameter table, holds its price from the key's credits and "
                + "queues the job. Poll GET /v1/jobs/{job_id} or stream its events.")
            .Accepts<GenerationRequest>("application/json");
        return v1;
    }

    [ProducesErrors(400, 402, 409, 413, 415, 422, 429)]
    private static async Task<Results<Accepted<JobResponse>, Ok<JobResponse>, ErrorResult>> SubmitAsync(
        HttpContext http, [AsParameters] GenerationServices services, CancellationToken cancellationToken)
    {
        var idempotencyKey = ReadIdempotencyKey(http.Request);
        if (!idempotencyKey.Succeeded)
        {
            return ErrorResult.From(idempotencyKey.Failure);
        }

        var read = await JsonBodyReader.ReadAsync(http.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return ErrorResult.From(read.Failure);
        }

        using var body = read.Value;
        var planned = services.Planner.Plan(body.Root);
        if (!planned.Succeeded)
        {
            return ErrorResult.From(planned.Failure);
        }

        var submitted = await services.Submissions.SubmitAsync(
            planned.Value, http.ApiKey(), idempotencyKey.Value, body.Sha256, cancellationToken);
        if (!submitted.Succeeded)
        {
            return ErrorResult.From(submitted.Failure);
        }

        var mapper = services.Mapper;
        return submitted.Value switch
        {
            SubmitOutcome.Accepted accepted => TypedResults.Accepted($"/v1/jobs/{accepted.Job.Id}", mapper.Map(accepted.Job, http.Request)),
            SubmitOutcome.Replayed replayed => Replay(http, mapper.Map(replayed.Job, http.Request)),
            var refused => ErrorResult.From(RefusalOf(refused, services.Time.GetUtcNow())),
        };
    }

    /// <summary>The failure a submission that was not accepted answers with (the OpenAI video routes share it).</summary>
    public static Failure RefusalOf(SubmitOutcome outcome, DateTimeOffset now) => outcome switch
    {
        SubmitOutcome.IdempotencyMismatch mismatch => new Failure(FailureKind.Conflict, "idempotency_key_reused",
            $"this Idempotency-Key was used for a different request body (job {mismatch.JobId}); use a new key for a new request"),
        SubmitOutcome.InsufficientCredits poor => new Failure(FailureKind.InsufficientCredits, "insufficient_credits",
            $"this job costs {poor.Price} USD but the key has {poor.Available} USD available; add credits or choose a cheaper setting"),
        SubmitOutcome.TooManyInFlight busy => new Failure(FailureKind.RateLimited, "too_many_jobs_in_flight",
            $"this key may have at most {busy.Limit} jobs queued or processing; wait for one to finish")
        {
            RetryAfter = TimeSpan.FromSeconds(5),
        },
        SubmitOutcome.DailySpendExceeded spent => new Failure(FailureKind.RateLimited, "daily_spend_limit",
            $"this key may spend {spent.Limit} USD a day and has spent {spent.Spent} USD today (UTC)") { RetryAfter = UntilTomorrow(now) },
        SubmitOutcome.KeyUnavailable => new Failure(FailureKind.Unauthenticated, "invalid_api_key", "the API key was revoked"),
        _ => throw new InvalidOperationException($"unexpected submit outcome {outcome}"),
    };

    private static Ok<JobResponse> Replay(HttpContext http, JobResponse job)
    {
        http.Response.Headers["Idempotent-Replayed"] = "true";
        http.Response.Headers.Location = $"/v1/jobs/{job.JobId}";
        return TypedResults.Ok(job);
    }

    private static TimeSpan UntilTomorrow(DateTimeOffset now) => now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime;

    public static Outcome<string?> ReadIdempotencyKey(HttpRequest request)
    {
        var values = request.Headers["Idempotency-Key"];
        if (values.Count == 0)
        {
            return (string?)null;
        }

        var key = values.Count == 1 ? values[0] ?? string.Empty : string.Empty;
        if (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(c => char.IsControl(c)))
        {
            return new Failure(FailureKind.BadRequest, "invalid_idempotency_key",
                $"Idempotency-Key must be one value of 1 to {MaxIdempotencyKeyLength.ToString(CultureInfo.InvariantCulture)} "
                + "printable characters");
        }

        return key;
    }
}
