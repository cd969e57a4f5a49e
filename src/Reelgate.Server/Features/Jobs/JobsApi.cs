using System.Globalization;
using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Auth;
using Reelgate.Server.Errors;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Features.Jobs;

/// <summary>The caller's jobs: read one, list them, cancel one, stream one's events.</summary>
public static class JobsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapJobs(this RouteGroupBuilder v1)
    {
        v1.MapGet("/jobs/{job_id}", GetAsync)
            .WithName("GetJob").WithSummary("Get a job")
            .Produces<JobResponse>().ProducesErrors(401, 404);
        v1.MapGet("/jobs", ListAsync)
            .WithName("ListJobs").WithSummary("List the key's jobs, newest first")
            .Produces<JobListResponse>().ProducesErrors(401, 422);
        v1.MapPost("/jobs/{job_id}/cancel", CancelAsync)
            .WithName("CancelJob").WithSummary("Cancel a queued or processing job; its hold is released")
            .Produces<JobResponse>().ProducesErrors(401, 404, 409);
        v1.MapGet("/jobs/{job_id}/events", StreamAsync)
            .WithName("StreamJobEvents").WithSummary("Server-Sent Events: one per status or progress change, ending at a final state")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesErrors(401, 404, 429);
        return v1;
    }

    private static async Task<IResult> GetAsync(string job_id, HttpContext http, IJobStore jobs, JobResponseMapper mapper, CancellationToken cancellationToken)
    {
        var job = await FindOwnAsync(job_id, http, jobs, cancellationToken);
        return job is null ? ErrorResult.From(Failure.JobNotFound(job_id)) : TypedResults.Ok(mapper.Map(job, http.Request));
    }

    private static async Task<IResult> ListAsync(HttpContext http, IJobStore jobs, JobResponseMapper mapper, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var limit = DefaultPageSize;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxPageSize))
        {
            return ErrorResult.From(Failure.Invalid("limit", "invalid_value", $"limit must be a whole number from 1 to {MaxPageSize}"));
        }

        JobStatus? status = null;
        if (query.TryGetValue("status", out var statusText))
        {
            status = JobStatusNames.Parse(statusText);
            if (status is null)
            {
                return ErrorResult.From(Failure.Invalid("status", "invalid_value", $"status must be one of {string.Join(", ", JobStatusNames.All)}"));
            }
        }

        string? after = query.TryGetValue("after", out var afterText) ? afterText.ToString() : null;
        var invalidCursor = Failure.Invalid("after", "invalid_cursor", "after must be the job_id of a job of this key (the next_cursor of a previous page)");
        if (after is not null && !Ids.IsWellFormed(after, Ids.JobPrefix))
        {
            return ErrorResult.From(invalidCursor);
        }

        var page = await jobs.ListAsync(new JobQuery(http.User.KeyId(), limit, after, status), cancellationToken);
        return page is null
            ? ErrorResult.From(invalidCursor)
            : TypedResults.Ok(new JobListResponse("list", page.Items.Select(j => mapper.Map(j, http.Request)).ToList(), page.HasMore, page.NextCursor));
    }

    private static async Task<IResult> CancelAsync(
        string job_id, HttpContext http, IJobStore jobs, JobCancellations running, JobResponseMapper mapper, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(job_id, Ids.JobPrefix))
        {
            return ErrorResult.From(Failure.JobNotFound(job_id));
        }

        var outcome = await jobs.CancelAsync(job_id, http.User.KeyId(), time.GetUtcNow(), cancellationToken);
        switch (outcome)
        {
            case CancelOutcome.Cancelled cancelled:
                running.Cancel(job_id);
                return TypedResults.Ok(mapper.Map(cancelled.Job, http.Request));
            case CancelOutcome.AlreadyFinal final:
                return ErrorResult.From(new Failure(FailureKind.Conflict, "job_not_cancellable",
                    $"job {job_id} is already {final.Job.Status.ToWire()}; only queued or processing jobs can be cancelled", "job_id"));
            default:
                return ErrorResult.From(Failure.JobNotFound(job_id));
        }
    }

    private static async Task<IResult> StreamAsync(
        string job_id, HttpContext http, [AsParameters] EventStreamServices services, CancellationToken cancellationToken)
    {
        var job = await FindOwnAsync(job_id, http, services.Jobs, cancellationToken);
        return job is null
            ? ErrorResult.From(Failure.JobNotFound(job_id))
            : new JobEventStream(job, services.Jobs, services.Changes, services.Mapper, services.Slots, services.Limits.Value.EventStreamHeartbeat, services.Time);
    }

    private static async Task<Job?> FindOwnAsync(string jobId, HttpContext http, IJobStore jobs, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(jobId, Ids.JobPrefix))
        {
            return null;
        }

        var job = await jobs.GetAsync(jobId, cancellationToken);
        return job is not null && string.Equals(job.KeyId, http.User.KeyId(), StringComparison.Ordinal) ? job : null;
    }
}
