using Reelgate.Core.Validation;

namespace Reelgate.Core.Engines;

/// <summary>
/// One render: the validated request, its input images as local files (already normalised), and a
/// private folder for the engine's files. An engine writes its outputs into <see cref="WorkDirectory"/>.
/// </summary>
public sealed record RenderJob(
    string JobId,
    GenerationSpec Spec,
    IReadOnlyList<RenderInput> Images,
    string WorkDirectory,
    IProgress<int> Progress,
    IEngineCheckpoint Checkpoint)
{
    /// <summary>Whether the request's simulated faults (metadata.reelgate_simulate) run; otherwise that metadata is only echoed.</summary>
    public bool AllowSimulation { get; init; }
}
