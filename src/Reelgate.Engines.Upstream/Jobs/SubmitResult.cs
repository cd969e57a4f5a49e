using Reelgate.Core.Jobs;

namespace Reelgate.Engines.Upstream.Jobs;

/// <summary>What a submission to a provider came to: accepted (a handle to poll), or refused before acceptance.</summary>
public abstract record SubmitResult
{
    private SubmitResult()
    {
    }

    public sealed record Accepted(UpstreamHandle Handle) : SubmitResult;

    /// <summary>
    /// Not accepted. <paramref name="Retryable"/> is true only when the provider certainly did not take the job
    /// (or dedupes a repeat), so the worker may try again or move to the next engine.
    /// </summary>
    public sealed record Refused(JobError Error, bool Retryable) : SubmitResult;
}
