using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Auth;
using Reelgate.Server.Errors;
using Reelgate.Server.Http;

namespace Reelgate.Server.Features.Jobs;

/// <summary>The caller's jobs: read one, list them, cancel one, stream one's events.</summary>
public static class JobsApi
{
    public static RouteGroupBuilder MapJobs(this RouteGroupBuilder v1)
    {
        v1.MapGet("/jobs/{job_id}", GetAsync)
            .WithName("GetJob").WithSummary("Get a job");
        v1.MapGet("/jobs", ListAsync)
            .WithName("ListJobs").WithSummary("List the key's jobs, newest first");
        v1.MapPost("/jobs/{job_id}/cancel", CancelAsync)
            .WithName("CancelJob").WithSummary("Cancel a queued or processing job; its hold is released");
        v1.MapGet("/jobs/{job_id}/events", StreamAsync)
            .WithName("StreamJobEvents")
            .WithSummary("Server-Sent Events: one per status or progress change, ending at a final state");
        return v1;
    }

    [ProducesErrors(404)]
    private static async Task<Results<Ok<JobResponse>, ErrorResult>> GetAsync(
        [FromRoute(Name = "job_id")] string jobId, HttpContext http, IJobStore jobs, JobReadCache cache, JobResponseMapper mapper,
        CancellationToken cancellationToken)
    {
        // The poll is the most frequent request of all: it reads through the cache of recently polled jobs.
        var job = Ids.IsWellFormed(jobId, Ids.JobPrefix) ? OwnedBy(await cache.GetAsync(jobId, jobs, cancellationToken), http) : null;
        return job is null ? ErrorResult.From(Failure.JobNotFound(jobId)) : TypedResults.Ok(mapper.Map(job, http.Request));
    }

    [ProducesErrors(422)]
    private static async Task<Results<Ok<JobListResponse>, ErrorResult>> ListAsync(
        HttpContext http, IJobStore jobs, JobResponseMapper mapper, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (!PageLimit.TryRead(query, out var limit))
        {
            return ErrorResult.From(Failure.Invalid("limit", "invalid_value", PageLimit.Problem));
        }

        JobStatus? status = null;
        if (query.TryGetValue("status", out var statusText))
        {
            status = JobStatusNames.Parse(statusText);
            if (status is null)
            {
                return ErrorResult.From(Failure.Invalid("status", "invalid_value",
                    $"status must be one of {string.Join(", ", JobStatusNames.All)}"));
            }
        }

        string? after = query.TryGetValue("after", out var afterText) ? afterText.ToString() : null;
        var invalidCursor = Failure.Invalid("after", "invalid_cursor",
            "after must be the job_id of a job of this key (the next_cursor of a previous page)");
        if (after is not null && !Ids.IsWellFormed(after, Ids.JobPrefix))
        {
            return ErrorResult.From(invalidCursor);
        }

        var page = await jobs.ListAsync(new JobQuery(http.User.KeyId(), limit, after, status), cancellationToken);
        return page is null
            ? ErrorResult.From(invalidCursor)
            : TypedResults.Ok(new JobListResponse(
                "list", page.Items.Select(j => mapper.Map(j, http.Request)).ToList(), page.HasMore, page.NextCursor));
    }

    [ProducesErrors(404, 409)]
    private static async Task<Results<Ok<JobResponse>, ErrorResult>> CancelAsync(
        [FromRoute(Name = "job_id")] string jobId, HttpContext http, [AsParameters] CancelServices services,
        CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(jobId, Ids.JobPrefix))
        {
            return ErrorResult.From(Failure.JobNotFound(jobId));
        }

        var outcome = await services.Jobs.CancelAsync(jobId, http.User.KeyId(), services.Time.GetUtcNow(), cancellationToken);
        switch (outcome)
        {
            case CancelOutcome.Cancelled cancelled:
                services.Running.Cancel(jobId);
                return TypedResults.Ok(services.Mapper.Map(cancelled.Job, http.Request));
            case CancelOutcome.AlreadyFinal final:
                return ErrorResult.From(new Failure(FailureKind.Conflict, "job_not_cancellable",
                    $"job {jobId} is already {final.Job.Status.ToWire()}; only queued or processing jobs can be cancelled", "job_id"));
            default:
                return ErrorResult.From(Failure.JobNotFound(jobId));
        }
    }

    [ProducesErrors(404, 429)]
    private static async Task<Results<JobEventStream, ErrorResult>> StreamAsync(
        [FromRoute(Name = "job_id")] string jobId, HttpContext http, [AsParameters] EventStreamServices services,
        CancellationToken cancellationToken)
    {
        var job = await FindOwnAsync(jobId, http, services.Jobs, cancellationToken);
        return job is null
            ? ErrorResult.From(Failure.JobNotFound(jobId))
            : new JobEventStream(job, services.Jobs, services.Changes, services.Mapper, services.Slots,
                services.Limits.Value.EventStreamHeartbeat, services.Time);
    }

    private static async Task<Job?> FindOwnAsync(string jobId, HttpContext http, IJobStore jobs, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(jobId, Ids.JobPrefix))
        {
            return null;
        }

        return OwnedBy(await jobs.GetAsync(jobId, cancellationToken), http);
    }

    /// <summary>A key sees its own jobs only, whether the job came from the store or the poll's cache.</summary>
    private static Job? OwnedBy(Job? job, HttpContext http) =>
        job is not null && string.Equals(job.KeyId, http.User.KeyId(), StringComparison.Ordinal) ? job : null;
}
