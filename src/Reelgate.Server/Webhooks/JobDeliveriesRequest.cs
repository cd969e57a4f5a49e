using Microsoft.AspNetCore.Mvc;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Auth;

namespace Reelgate.Server.Webhooks;

/// <summary>What both delivery endpoints take, as one [AsParameters] record: the job in the route, the caller and the stores.</summary>
public sealed record JobDeliveriesRequest(
    [FromRoute(Name = "job_id")] string JobId,
    HttpContext Http,
    IJobStore Jobs,
    IWebhookStore Webhooks)
{
    /// <summary>Whether the job exists and is the calling key's: another key's job reads as not found.</summary>
    public async Task<bool> IsCallersAsync(CancellationToken cancellationToken) =>
        Ids.IsWellFormed(JobId, Ids.JobPrefix)
        && await Jobs.GetAsync(JobId, cancellationToken) is { } job
        && string.Equals(job.KeyId, Http.User.KeyId(), StringComparison.Ordinal);
}
