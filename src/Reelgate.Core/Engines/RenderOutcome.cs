using Reelgate.Core.Jobs;

namespace Reelgate.Core.Engines;

/// <summary>A finished render, or the reason it failed.</summary>
public abstract record RenderOutcome
{
    private RenderOutcome()
    {
    }

    /// <summary>A video file (and optionally a JPEG poster) in the work folder, and the plan when thinking ran.</summary>
    public sealed record Rendered(string VideoPath, string? PosterPath, string? Thinking) : RenderOutcome;

    /// <summary>
    /// The engine could not make the video. <paramref name="Retryable"/> lets the worker try again
    /// (on this or the next engine); otherwise the job fails with the error.
    /// </summary>
    public sealed record Failed(JobError Error, bool Retryable = false) : RenderOutcome;
}
