namespace Reelgate.Engines.Local.Encoding;

/// <summary>Where ffmpeg and ffprobe are and how the local engine drives them; bound from "Reelgate:Ffmpeg".</summary>
public sealed class FfmpegOptions
{
    public const string SectionName = "Reelgate:Ffmpeg";

    /// <summary>The x264 presets ffmpeg accepts, fastest first.</summary>
    public static readonly IReadOnlyList<string> Presets =
        ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"];

    /// <summary>The ffmpeg executable: a name on PATH or a full path.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The ffprobe executable: a name on PATH or a full path.</summary>
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>The x264 preset of the local engine: veryfast keeps 1080p 5 s quick on two cores.</summary>
    public string Preset { get; set; } = "veryfast";

    /// <summary>
    /// x264's threads per encode: one per core by default. x264's own choice (0) is 1.5 per core, tuned for a
    /// machine that only encodes; here the drawing shares the cores, and one per core cost about 10 % less CPU
    /// for the same 1080p clip (docs/benchmarks.md).
    /// </summary>
    public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// The longest a local render may take before its job fails (plus any simulated delay it asks for). Unset: five
    /// times the render's expected time at <see cref="ExpectedPixelsPerSecond"/>, and never under two minutes.
    /// </summary>
    public TimeSpan? TimeLimit { get; set; }

    /// <summary>The rendering and encoding pace the default <see cref="TimeLimit"/> assumes: a slow two-core machine's.</summary>
    public double ExpectedPixelsPerSecond { get; set; } = 20_000_000;

    /// <summary>How long a stopping ffmpeg gets after SIGTERM before it is killed.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromMilliseconds(300);
}
