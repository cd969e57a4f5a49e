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
    public sealed record Refused(JobError Error, bool Retryable) : SubmitResult
    {
        /// <summary>
        /// Set when the submission was sent but its answer was lost (the provider may have accepted the job): what
        /// happened and the request line, for the operator's log. Null for a refusal the provider answered.
        /// </summary>
        public LostAnswer? Lost { get; init; }
    }

    /// <summary>A submission whose answer was lost: why, and what was sent (method, host, path; never a credential).</summary>
    public sealed record LostAnswer(string Reason, string Request);
}
