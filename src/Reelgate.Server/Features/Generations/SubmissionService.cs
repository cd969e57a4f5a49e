using Microsoft.Extensions.Options;
using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Core.Keys;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;
using Reelgate.Engines.Local.Simulation;
using Reelgate.Server.Configuration;
using Reelgate.Server.Webhooks;

namespace Reelgate.Server.Features.Generations;

/// <summary>
/// Accepts a planned generation for a key: resolves and stores its input images, then stores the job
/// and holds its price in one transaction. Input blobs of a submission that is not accepted are removed.
/// </summary>
public sealed class SubmissionService(
    IJobStore jobs,
    IImageSource images,
    IBlobStore blobs,
    WebhookUrlGuard webhookGuard,
    IOptions<SimulationOptions> simulation,
    TimeProvider time)
{
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// The cheap checks come first (an idempotent replay, the key's limits and balance, a simulation's syntax) so a
    /// replay answers even when its image URL is gone and a key without credit never makes the server fetch; then
    /// the webhook URL and the images; then the store checks everything again and holds the price, atomically.
    /// A submission with nothing to fetch skips the store's pre-check: the store's own checks give the same answer.
    /// </summary>
    public async Task<Outcome<SubmitOutcome>> SubmitAsync(
        PricedSpec planned, ApiKey key, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        var simulate = simulation.Value.Enabled || key.IsTest;
        if (simulate && FaultSimulation.Parse(planned.Spec.Metadata).Failure is { } malformed)
        {
            return malformed;
        }

        var now = time.GetUtcNow();
        var jobId = Ids.New(Ids.JobPrefix, now);
        var job = Job.Queued(jobId, key.Id, now, planned.Spec, planned.Price) with
        {
            Simulate = simulate,
            RemixedFrom = planned.RemixedFrom,
        };
        var submission = new JobSubmission(job, key.Limits, idempotencyKey, requestHash, now - IdempotencyWindow,
            new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero));
        if (NeedsFetching(planned.Spec) && await jobs.PrecheckAsync(submission, cancellationToken) is { } early)
        {
            return early;
        }

        if (planned.Spec.WebhookUrl is { } webhookUrl
            && await webhookGuard.CheckAsync(webhookUrl, "webhook_url", cancellationToken) is { } refused)
        {
            return refused;
        }

        var inputs = await ResolveInputsAsync(planned.Spec, jobId, key.Id, cancellationToken);
        if (!inputs.Succeeded)
        {
            await blobs.DeletePrefixAsync(InputPrefix(jobId), CancellationToken.None);
            return inputs.Failure;
        }

        submission = submission with { Job = job with { Inputs = inputs.Value } };
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

        if (outcome is not SubmitOutcome.Accepted)
        {
            await blobs.DeletePrefixAsync(InputPrefix(jobId), CancellationToken.None);
        }

        return outcome;
    }

    public static string InputPrefix(string jobId) => $"inputs/{jobId}/";

    /// <summary>Whether accepting the spec makes the server reach out (image URLs, the webhook's address).</summary>
    private static bool NeedsFetching(GenerationSpec spec) =>
        spec.Image is not null || spec.ImageEnd is not null || spec.WebhookUrl is not null;

    private async Task<Outcome<IReadOnlyList<JobInput>>> ResolveInputsAsync(
        GenerationSpec spec, string jobId, string keyId, CancellationToken cancellationToken)
    {
        var inputs = new List<JobInput>();
        foreach (var (param, reference) in new[] { (JobInput.ImageRole, spec.Image), (JobInput.ImageEndRole, spec.ImageEnd) })
        {
            if (reference is null)
            {
                continue;
            }

            var image = new ImageRequest(reference, param, param, InputPrefix(jobId) + param, keyId);
            var resolved = await images.ResolveAsync(image, cancellationToken);
            if (!resolved.Succeeded)
            {
                return resolved.Failure;
            }

            inputs.Add(resolved.Value);
        }

        return inputs;
    }
}
