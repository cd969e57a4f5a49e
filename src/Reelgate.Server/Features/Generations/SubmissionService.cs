using Reelgate.Core;
using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Keys;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;
using Reelgate.Server.Webhooks;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Features.Generations;

/// <summary>
/// Accepts a planned generation for a key: resolves and stores its input images, then stores the job
/// and holds its price in one transaction. Input blobs of a submission that is not accepted are removed.
/// </summary>
public sealed class SubmissionService(
    IJobStore jobs,
    IImageSource images,
    IBlobStore blobs,
    WorkSignal signal,
    JobChangeFeed changes,
    WebhookUrlGuard webhookGuard,
    TimeProvider time)
{
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    public async Task<Outcome<SubmitOutcome>> SubmitAsync(PricedSpec planned, ApiKey key, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        if (planned.Spec.WebhookUrl is { } webhookUrl && await webhookGuard.CheckAsync(webhookUrl, "webhook_url", cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var jobId = Ids.New(Ids.JobPrefix, now);
        var inputs = await ResolveInputsAsync(planned.Spec, jobId, key.Id, cancellationToken);
        if (!inputs.Succeeded)
        {
            await blobs.DeletePrefixAsync(InputPrefix(jobId), CancellationToken.None);
            return inputs.Failure;
        }

        var job = new Job(jobId, key.Id, JobStatus.Queued, 0, now, null, null, planned.Spec, planned.Price, CostState.Held,
            null, inputs.Value, null, 0, 1) { RemixedFrom = planned.RemixedFrom };
        var submission = new JobSubmission(job, key.Limits, idempotencyKey, requestHash, now - IdempotencyWindow,
            new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero));
        SubmitOutcome outcome;
        try
        {
            outcome = await jobs.SubmitAsync(submission, cancellationToken);
        }
        catch
        {
            await blobs.DeletePrefixAsync(InputPrefix(jobId), CancellationToken.None);
            throw;
        }

        if (outcome is SubmitOutcome.Accepted)
        {
            signal.Pulse();
            changes.Notify(jobId);
        }
        else
        {
            await blobs.DeletePrefixAsync(InputPrefix(jobId), CancellationToken.None);
        }

        return outcome;
    }

    public static string InputPrefix(string jobId) => $"inputs/{jobId}/";

    private async Task<Outcome<IReadOnlyList<JobInput>>> ResolveInputsAsync(GenerationSpec spec, string jobId, string keyId, CancellationToken cancellationToken)
    {
        var inputs = new List<JobInput>();
        foreach (var (param, reference) in new[] { (JobInput.ImageRole, spec.Image), (JobInput.ImageEndRole, spec.ImageEnd) })
        {
            if (reference is null)
            {
                continue;
            }

            var resolved = await images.ResolveAsync(reference, param, param, InputPrefix(jobId) + param, keyId, cancellationToken);
            if (!resolved.Succeeded)
            {
                return resolved.Failure;
            }

            inputs.Add(resolved.Value);
        }

        return inputs;
    }
}
