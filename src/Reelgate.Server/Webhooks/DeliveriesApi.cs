using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Core.Webhooks;
using Reelgate.Server.Auth;
using Reelgate.Server.Errors;

namespace Reelgate.Server.Webhooks;

/// <summary>GET /v1/jobs/{id}/deliveries (every webhook attempt of a job) and a manual redeliver.</summary>
public static class DeliveriesApi
{
    public static RouteGroupBuilder MapDeliveries(this RouteGroupBuilder v1)
    {
        v1.MapGet("/jobs/{job_id}/deliveries", ListAsync)
            .WithName("ListJobDeliveries").WithSummary("The job's webhook deliveries with every attempt and its status code")
            .Produces<DeliveryListResponse>().ProducesErrors(401, 404);
        v1.MapPost("/jobs/{job_id}/deliveries/{delivery_id}/redeliver", RedeliverAsync)
            .WithName("RedeliverWebhook").WithSummary("Send a delivery again now (its attempts so far are kept)")
            .Produces<DeliveryListResponse>(StatusCodes.Status202Accepted).ProducesErrors(401, 404);
        return v1;
    }

    private static async Task<IResult> ListAsync(
        string job_id, HttpContext http, IJobStore jobs, IWebhookStore webhooks, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(job_id, http, jobs, cancellationToken))
        {
            return ErrorResult.From(Failure.JobNotFound(job_id));
        }

        return TypedResults.Ok(await ListResponseAsync(job_id, webhooks, cancellationToken));
    }

    private static async Task<IResult> RedeliverAsync(
        string job_id, string delivery_id, HttpContext http, IJobStore jobs, IWebhookStore webhooks, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(job_id, http, jobs, cancellationToken))
        {
            return ErrorResult.From(Failure.JobNotFound(job_id));
        }

        if (!await webhooks.RedeliverAsync(job_id, delivery_id, time.GetUtcNow(), cancellationToken))
        {
            return ErrorResult.From(new Failure(FailureKind.NotFound, "delivery_not_found",
                $"job {job_id} has no delivery {Failure.Printable(delivery_id)}", "delivery_id"));
        }

        return TypedResults.Accepted($"/v1/jobs/{job_id}/deliveries", await ListResponseAsync(job_id, webhooks, cancellationToken));
    }

    private static async Task<DeliveryListResponse> ListResponseAsync(
        string jobId, IWebhookStore webhooks, CancellationToken cancellationToken)
    {
        var deliveries = await webhooks.ListForJobAsync(jobId, cancellationToken);
        return new DeliveryListResponse("list", deliveries.Select(Map).ToList());
    }

    private static DeliveryResponse Map(WebhookDeliveryRecord d) => new(
        d.Id, d.EventType, d.Url, d.Status, d.Attempts, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt,
        d.AttemptLog.Select(a => new AttemptResponse(a.AttemptedAt, a.StatusCode, a.Error, (long)a.Duration.TotalMilliseconds)).ToList());

    private static async Task<bool> OwnsAsync(string jobId, HttpContext http, IJobStore jobs, CancellationToken cancellationToken) =>
        Ids.IsWellFormed(jobId, Ids.JobPrefix)
        && await jobs.GetAsync(jobId, cancellationToken) is { } job
        && string.Equals(job.KeyId, http.User.KeyId(), StringComparison.Ordinal);
}
