using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;

namespace Reelgate.Engines.Upstream.Jobs;

/// <summary>What a user sees when polling ended without an output: every upstream engine words it the same way.</summary>
public static class PollFailure
{
    /// <param name="polled">A <see cref="PollResult.Failed"/> (the provider's error) or a <see cref="PollResult.Transient"/>
    /// (polls unanswered <paramref name="maxPollFailures"/> times in a row).</param>
    /// <param name="engine">The engine as the provider's error names it.</param>
    /// <param name="silent">Who did not answer, as the user reads it.</param>
    /// <param name="maxPollFailures">The unanswered polls in a row that ended the wait.</param>
    /// <param name="apiKey">The provider key, redacted from anything the provider said.</param>
    public static RenderOutcome.Failed ToOutcome(PollResult polled, string engine, string silent, int maxPollFailures, string? apiKey)
    {
        if (polled is PollResult.Failed failed)
        {
            return new RenderOutcome.Failed(UpstreamErrors.From(engine, failed.Error, apiKey));
        }

        var transient = (PollResult.Transient)polled;

        // Retryable: silence is not a refusal, and an engine with a checkpoint resumes polling the same upstream job.
        return new RenderOutcome.Failed(new JobError(UpstreamErrors.Unavailable,
            $"{silent} did not answer status polls {maxPollFailures} times in a row " +
            $"({UpstreamErrors.Redact(transient.Reason, apiKey)})"), Retryable: true);
    }
}
