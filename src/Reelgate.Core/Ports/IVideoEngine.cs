using Reelgate.Core.Engines;
using Reelgate.Core.Validation;

namespace Reelgate.Core.Ports;

/// <summary>
/// Something that turns a request into a video file: the local renderer, or a provider upstream.
/// Progress goes out through <see cref="RenderJob.Progress"/>; the token fires on cancel, lease loss
/// or shutdown, and the engine must stop promptly and leave no process behind.
/// </summary>
public interface IVideoEngine
{
    /// <summary>The name used in settings and in a job's record ("local", "fal", ...).</summary>
    string Name { get; }

    /// <summary>A request this engine cannot honour, refused at submission naming the param; null when it can.</summary>
    Failure? CheckSupport(GenerationSpec spec);

    Task<RenderOutcome> RenderAsync(RenderJob job, CancellationToken cancellationToken);

    /// <summary>
    /// The longest one attempt of this request may take on this engine, from its start to its stored outputs; past
    /// it the job fails (and a provider is asked to stop where it can), so nothing holds a worker for ever.
    /// </summary>
    TimeSpan TimeLimit(GenerationSpec spec);

    /// <summary>
    /// A user cancelled the job after the engine saved <paramref name="checkpoint"/>: asks whoever does the work
    /// (a provider upstream) to stop it, best effort. Never called on shutdown or a lost lease: the job is resumed
    /// from the checkpoint then. Required (no default) so that a wrapping engine cannot silently drop it.
    /// </summary>
    Task AbandonAsync(string jobId, string checkpoint, CancellationToken cancellationToken);
}
