using System.Globalization;
using System.Text.RegularExpressions;
using CliWrap;
using Reelgate.Core;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;

namespace Reelgate.Server.Tests.Infrastructure;

/// <summary>
/// An engine for the API tests only: a real MP4 of the request's exact size, length and audio, from
/// ffmpeg's own test pattern (ultrafast), so tests are quick and every output is a file ffprobe reads.
/// Named "local" so it takes the built-in engine's place in routing.
/// </summary>
public sealed partial class TestVideoEngine(TestEngineControl control) : IVideoEngine
{
    public string Name => "local";

    public Failure? CheckSupport(GenerationSpec spec) => null;

    public TimeSpan TimeLimit(GenerationSpec spec) => control.TimeLimit;

    public Task AbandonAsync(string jobId, string checkpoint, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<RenderOutcome> RenderAsync(RenderJob job, CancellationToken cancellationToken)
    {
        control.CountRender(job.JobId);
        var prompt = job.Spec.Prompt;
        if (prompt.Contains("[hold]", StringComparison.Ordinal))
        {
            job.Progress.Report(10);
            await control.HoldAsync(job.JobId, cancellationToken);
            if (prompt.Contains("[hold2]", StringComparison.Ordinal))
            {
                job.Progress.Report(60);
                await control.HoldAsync(job.JobId + "/2", cancellationToken);
            }
        }

        var fail = FailPattern().Match(prompt);
        if (fail.Success)
        {
            return new RenderOutcome.Failed(new JobError(fail.Groups[1].Value, "the test engine was told to fail"));
        }

        if (prompt.Contains("[retry]", StringComparison.Ordinal))
        {
            return new RenderOutcome.Failed(new JobError("transient", "the test engine was told to fail retryably"), Retryable: true);
        }

        var size = job.Spec.Size;
        var video = Path.Combine(job.WorkDirectory, "video.mp4");
        var poster = Path.Combine(job.WorkDirectory, "poster.jpg");
        var seconds = job.Spec.DurationSeconds.ToString(CultureInfo.InvariantCulture);
        var arguments = new List<string>
        {
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            $"testsrc2=size={size.Width}x{size.Height}:rate=24:duration={seconds}",
        };
        if (job.Spec.Audio)
        {
            arguments.AddRange(
                ["-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds}", "-ac", "2", "-c:a", "aac"]);
        }

        arguments.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-frames:v",
            job.Spec.FrameCount.ToString(CultureInfo.InvariantCulture), video]);
        await Cli.Wrap("ffmpeg").WithArguments(arguments).ExecuteAsync(cancellationToken);
        await Cli.Wrap("ffmpeg").WithArguments(["-v", "error", "-y", "-i", video, "-frames:v", "1", poster]).ExecuteAsync(
            cancellationToken);
        job.Progress.Report(100);
        return new RenderOutcome.Rendered(video, poster, job.Spec.Thinking == "enabled" ? "test plan" : null);
    }

    [GeneratedRegex(@"\[fail:([a-z_]+)\]")]
    private static partial Regex FailPattern();
}
