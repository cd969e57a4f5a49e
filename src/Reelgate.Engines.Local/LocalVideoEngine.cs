using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reelgate.Core;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;
using Reelgate.Engines.Local.Audio;
using Reelgate.Engines.Local.Encoding;
using Reelgate.Engines.Local.Planning;
using Reelgate.Engines.Local.Rendering;
using Reelgate.Engines.Local.Simulation;

namespace Reelgate.Engines.Local;

/// <summary>
/// The embedded engine: not a neural model but a procedural, deterministic renderer. The prompt becomes a
/// scene plan (<see cref="ScenePlanner"/>), frames are drawn with SkiaSharp and streamed into ffmpeg
/// (<see cref="VideoEncoder"/>), the soundtrack is synthesised from the same plan (<see cref="SoundtrackSynth"/>).
/// </summary>
public sealed class LocalVideoEngine(
    IOptions<FfmpegOptions> options,
    ChildProcessTracker processes,
    TimeProvider time,
    ILogger<LocalVideoEngine> logger) : IVideoEngine
{
    public const string EngineName = "local";
    public const string VideoFileName = "video.mp4";
    public const string PosterFileName = "poster.jpg";
    public const string SoundtrackFileName = "soundtrack.s16le";

    private static readonly TimeSpan MinTimeLimit = TimeSpan.FromMinutes(2);
    private const double TimeLimitFactor = 5;

    private readonly VideoEncoder _encoder = new(options.Value, processes, time);

    public string Name => EngineName;

    /// <summary>Every valid request is supported (a malformed <c>metadata.reelgate_simulate</c> is refused by the server when simulation is
    /// on for the key).</summary>
    public Failure? CheckSupport(GenerationSpec spec) => null;

    /// <summary>The configured limit, or five times the expected render time (at least two minutes); plus what the request's simulation
    /// delays.</summary>
    public TimeSpan TimeLimit(GenerationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var simulation = FaultSimulation.Parse(spec.Metadata);
        var delays = simulation.Succeeded ? simulation.Value.Steps.Aggregate(TimeSpan.Zero, (sum, step) => sum + step.Delay)
            : TimeSpan.Zero;
        if (options.Value.TimeLimit is { } configured)
        {
            return configured + delays;
        }

        var plan = ScenePlanner.Plan(spec);
        var expected = TimeSpan.FromSeconds((double)plan.Width * plan.Height * plan.FrameCount / options.Value.ExpectedPixelsPerSecond);
        var limit = expected * TimeLimitFactor;
        return (limit > MinTimeLimit ? limit : MinTimeLimit) + delays;
    }

    /// <summary>Nothing runs outside this process: a cancel already stopped ffmpeg.</summary>
    public Task AbandonAsync(string jobId, string checkpoint, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<RenderOutcome> RenderAsync(RenderJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var spec = job.Spec;
        var simulation = job.AllowSimulation ? FaultSimulation.Parse(spec.Metadata)
            : Outcome<FaultSimulation>.Success(FaultSimulation.None);
        if (!simulation.Succeeded)
        {
            return new RenderOutcome.Failed(new JobError(simulation.Failure.Code, simulation.Failure.Message));
        }

        if (simulation.Value.Steps.Count > 0)
        {
            LocalEngineLog.Simulating(logger, job.JobId, spec.Metadata[FaultSimulation.MetadataKey]);
            if (await simulation.Value.RunAsync(time, cancellationToken) is { } simulated)
            {
                return simulated;
            }
        }

        var start = spec.IsImageToVideo ? job.Images.FirstOrDefault(i => i.Role == "image") : null;
        if (spec.IsImageToVideo && start is null)
        {
            return new RenderOutcome.Failed(new JobError("missing_image", "image to video needs an input image; none reached the engine"));
        }

        var end = job.Images.FirstOrDefault(i => i.Role == "image_end");
        var plan = ScenePlanner.Plan(spec);
        var began = time.GetTimestamp();
        LocalEngineLog.RenderStarted(logger, job.JobId, spec.Mode, plan.Width, plan.Height, plan.FrameCount, spec.Style, spec.Audio);
        Directory.CreateDirectory(job.WorkDirectory);
        var video = Path.Combine(job.WorkDirectory, VideoFileName);
        var poster = Path.Combine(job.WorkDirectory, PosterFileName);
        var soundtrack = spec.Audio ? Path.Combine(job.WorkDirectory, SoundtrackFileName) : null;
        try
        {
            if (soundtrack is not null)
            {
                await using var file = File.Create(soundtrack);
                await SoundtrackSynth.WriteAsync(plan, file, cancellationToken);
            }

            IFrameSource source;
            try
            {
                source = start is null ? new SceneRenderer(plan) : new ImageAnimator(plan, start.Path, end?.Path);
            }
            catch (InvalidDataException e)
            {
                return new RenderOutcome.Failed(new JobError("invalid_image", e.Message));
            }

            using (source)
            {
                var request = new EncodeRequest(
                    plan.Width, plan.Height, plan.FrameCount, soundtrack, video, poster, PosterFrame(plan, spec), plan.Fps);
                await _encoder.EncodeAsync(source, request, job.Progress, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LocalEngineLog.RenderCancelled(logger, job.JobId);
            throw;
        }
        finally
        {
            if (soundtrack is not null)
            {
                File.Delete(soundtrack);
            }
        }

        var elapsedMs = (long)time.GetElapsedTime(began).TotalMilliseconds;
        LocalEngineLog.RenderFinished(logger, job.JobId, elapsedMs);
        return new RenderOutcome.Rendered(video, poster, PlanThinking.For(spec, plan));
    }

    /// <summary>The poster: the first frame for image to video (the input itself), else the frame 40% in.</summary>
    private static int PosterFrame(ScenePlan plan, GenerationSpec spec) => spec.IsImageToVideo ? 0 : plan.FrameCount * 2 / 5;
}
