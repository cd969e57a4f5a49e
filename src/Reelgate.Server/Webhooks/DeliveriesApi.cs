using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reelgate.Core;
using Reelgate.Core.Ports;
using Reelgate.Core.Webhooks;
using Reelgate.Server.Errors;

namespace Reelgate.Server.Webhooks;

/// <summary>GET /v1/jobs/{id}/deliveries (every webhook attempt of a job) and a manual redeliver.</summary>
public static class DeliveriesApi
{
    public static RouteGroupBuilder MapDeliveries(this RouteGroupBuilder v1)
    {
        v1.MapGet("/jobs/{job_id}/deliveries", ListAsync)
            .WithName("ListJobDeliveries").WithSummary("The job's webhook deliveries with every attempt and its status code");
        v1.MapPost("/jobs/{job_id}/deliveries/{delivery_id}/redeliver", RedeliverAsync)
            .WithName("RedeliverWebhook").WithSummary("Send a delivery again now (its attempts so far are kept)");
        return v1;
    }

    [ProducesErrors(404)]
    private static async Task<Results<Ok<DeliveryListResponse>, ErrorResult>> ListAsync(
        [AsParameters] JobDeliveriesRequest request, CancellationToken cancellationToken)
    {
        if (!await request.IsCallersAsync(cancellationToken))
        {
            return ErrorResult.From(Failure.JobNotFound(request.JobId));
        }

        return TypedResults.Ok(await ListResponseAsync(request.JobId, request.Webhooks, cancellationToken));
    }

    [ProducesErrors(404)]
    private static async Task<Results<Accepted<DeliveryListResponse>, ErrorResult>> RedeliverAsync(
        [AsParameters] JobDeliveriesRequest request,
        [FromRoute(Name = "delivery_id")] string deliveryId,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var jobId = request.JobId;
        if (!await request.IsCallersAsync(cancellationToken))
        {
            return ErrorResult.From(Failure.JobNotFound(jobId));
        }

        if (!await request.Webhooks.RedeliverAsync(jobId, deliveryId, time.GetUtcNow(), cancellationToken))
        {
            return ErrorResult.From(new Failure(FailureKind.NotFound, "delivery_not_found",
                $"job {jobId} has no delivery {Failure.Printable(deliveryId)}", "delivery_id"));
        }

        return TypedResults.Accepted($"/v1/jobs/{jobId}/deliveries", await ListResponseAsync(jobId, request.Webhooks, cancellationToken));
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
}
