using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reelgate.Core;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;
using Reelgate.Engines.Local.Encoding;

namespace Reelgate.Engines.Local;

/// <summary>The embedded engine: a procedural, deterministic renderer (SkiaSharp frames into ffmpeg).</summary>
public sealed class LocalVideoEngine(
    IOptions<FfmpegOptions> options,
    ChildProcessTracker processes,
    TimeProvider time,
    ILogger<LocalVideoEngine> logger) : IVideoEngine
{
    public const string EngineName = "local";

    private readonly FfmpegOptions _options = options.Value;
    private readonly ChildProcessTracker _processes = processes;
    private readonly TimeProvider _time = time;
    private readonly ILogger<LocalVideoEngine> _logger = logger;

    public string Name => EngineName;

    public Failure? CheckSupport(GenerationSpec spec) => null;

    public Task<RenderOutcome> RenderAsync(RenderJob job, CancellationToken cancellationToken)
    {
        _ = (_options, _processes, _time, _logger);
        return Task.FromResult<RenderOutcome>(new RenderOutcome.Failed(new JobError("not_implemented", "the local renderer is being built")));
    }
}
