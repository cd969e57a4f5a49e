using System.Globalization;
using Reelgate.Core.Engines;
using Reelgate.Core.Validation;
using Reelgate.Engines.Local.Encoding;
using Reelgate.Engines.Local.Planning;
using Reelgate.Testing;
using SkiaSharp;

namespace Reelgate.Engines.Local.Tests;

[Collection(RenderCollection.Name)]
public sealed class LocalVideoEngineTests
{
    private const double OneFrame = 1.0 / 24;

    /// <summary>
    /// Every resolution, every aspect ratio, every duration and both audio settings, each at least once,
    /// rendered at the shipped x264 preset and read back with ffprobe. The full cross product, all 110
    /// renders, is <see cref="Render_matches_the_contract_for_every_allowed_combination"/>.
    /// </summary>
    public static TheoryData<string, string, int, bool> Representative => new()
    {
        { "360p", "16:9", 5, true },
        { "360p", "9:16", 10, false },
        { "540p", "4:3", 8, true },
        { "540p", "1:1", 5, false },
        { "720p", "3:4", 5, true },
        { "720p", "16:9", 10, true },
        { "1080p", "16:9", 5, true },
        { "1080p", "9:16", 8, false },
    };

    /// <summary>What the contract allows: 4 resolutions × 5 ratios × durations (10 s not at 1080p) × audio on/off = 110.</summary>
    private static IEnumerable<(string Resolution, string Ratio, int Duration, bool Audio)> AllowedCombinations()
    {
        foreach (var resolution in new[] { "360p", "540p", "720p", "1080p" })
        {
            foreach (var ratio in new[] { "16:9", "4:3", "1:1", "3:4", "9:16" })
            {
                foreach (var duration in resolution == "1080p" ? new[] { 5, 8 } : [5, 8, 10])
                {
                    yield return (resolution, ratio, duration, true);
                    yield return (resolution, ratio, duration, false);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Representative))]
    public Task Render_matches_the_contract_when_rendering_representative_combinations(
        string resolution,
        string ratio,
        int duration,
        bool audio) =>
        RenderAndCheckAsync(resolution, ratio, duration, audio);

    /// <summary>
    /// All 110 renders, read back with ffprobe; lists every combination that fails. x264 runs at ultrafast
    /// here (sizes, frame counts, streams and codecs do not depend on the preset; the representative renders
    /// above use the shipped one), which keeps the whole cross product to a few minutes on two cores.
    /// </summary>
    [Fact]
    public async Task Render_matches_the_contract_for_every_allowed_combination()
    {
        var failures = new List<string>();
        foreach (var (resolution, ratio, duration, audio) in AllowedCombinations())
        {
            try
            {
                await RenderAndCheckAsync(resolution, ratio, duration, audio, "ultrafast");
            }
            catch (Exception e) when (e is ShouldAssertException or InvalidOperationException)
            {
                failures.Add($"{resolution} {ratio} {duration}s audio={audio}: {e.Message}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_reports_progress_up_to_100_and_writes_a_jpeg_poster_when_it_completes()
    {
        await using var harness = new EngineHarness();
        var progress = new RecordingProgress();
        var spec = Specs.Make(thinking: "enabled");

        var outcome = await harness.Engine.RenderAsync(
            harness.Job(spec, "progress", progress: progress),
            TestContext.Current.CancellationToken);

        var rendered = outcome.ShouldBeOfType<RenderOutcome.Rendered>();
        progress.Values.ShouldNotBeEmpty();
        progress.Values.ShouldBeInOrder(SortDirection.Ascending);
        progress.Values[^1].ShouldBe(100);
        progress.Values.Count.ShouldBeGreaterThan(20);
        using var codec = SKCodec.Create(rendered.PosterPath);
        codec.EncodedFormat.ShouldBe(SKEncodedImageFormat.Jpeg);
        (codec.Info.Width, codec.Info.Height).ShouldBe((640, 360));
        rendered.Thinking.ShouldNotBeNull();
        rendered.Thinking.ShouldContain("Scene plan");
        Directory.GetFiles(Path.GetDirectoryName(rendered.VideoPath)!).Select(Path.GetFileName)
            .ShouldBe(["poster.jpg", "video.mp4"], ignoreOrder: true);
    }

    [Fact]
    public async Task Render_stops_ffmpeg_at_once_and_leaves_no_file_when_cancelled()
    {
        await using var harness = new EngineHarness();
        var ct = TestContext.Current.CancellationToken;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progress = new RecordingProgress();
        var job = harness.Job(Specs.Make(resolution: "720p", duration: 10, audio: true), "cancel", progress: progress);

        var render = harness.Engine.RenderAsync(job, cancel.Token);
        await Poll.UntilAsync(() => progress.Latest >= 5 || render.IsCompleted, TimeSpan.FromSeconds(60), ct);
        render.IsCompleted.ShouldBeFalse("the render should still be running when cancelled");
        var ffmpeg = harness.Processes.RunningProcessIds.Single();
        await cancel.CancelAsync();
        var cancelledAt = TimeProvider.System.GetTimestamp();

        await Should.ThrowAsync<OperationCanceledException>(() => render);
        // The engine asks ffmpeg to stop and kills it 300 ms later; the rest of the bound absorbs a loaded machine
        // (seen: 1.5 s at load average 25 with a dozen test processes running).
        await Poll.UntilAsync(() => !Directory.Exists($"/proc/{ffmpeg}"), TimeSpan.FromSeconds(3), ct);
        TimeProvider.System.GetElapsedTime(cancelledAt).ShouldBeLessThan(TimeSpan.FromSeconds(3));
        harness.Processes.RunningProcessIds.ShouldBeEmpty();
        Directory.GetFiles(job.WorkDirectory).ShouldBeEmpty();
    }

    [Fact]
    public void FfmpegArguments_name_the_contract_size_for_every_allowed_combination()
    {
        AllowedCombinations().Count().ShouldBe(110);
        foreach (var (resolution, ratio, duration, audio) in AllowedCombinations())
        {
            var spec = Specs.Make(resolution: resolution, aspectRatio: ratio, duration: duration, audio: audio);
            var size = spec.Size;
            var arguments = FfmpegArguments.Encode(size.Width, size.Height, audio ? "a.pcm" : null, "veryfast", 2, "out.mp4");

            arguments.ShouldContain($"{size.Width}x{size.Height}");
            arguments.Contains("aac").ShouldBe(audio);
            arguments.Contains("-an").ShouldBe(!audio);
            arguments.ShouldContain("-threads");
            ScenePlanner.Plan(spec).FrameCount.ShouldBe(duration * 24);
        }
    }

    private static async Task RenderAndCheckAsync(string resolution, string ratio, int duration, bool audio, string? x264Preset = null)
    {
        await using var harness = new EngineHarness(x264Preset: x264Preset);
        var spec = Specs.Make(
            prompt: "a bird over the sea at dusk",
            resolution: resolution,
            aspectRatio: ratio,
            duration: duration,
            audio: audio);
        var expected = VideoGeometry.SizeOf(resolution, ratio);

        var rendered = await harness.RenderAsync(spec, $"{resolution}-{ratio.Replace(':', 'x')}-{duration}-{audio}".ToLowerInvariant());
        var probe = await FfprobeReader.ProbeAsync(rendered.VideoPath, TestContext.Current.CancellationToken);

        probe.FormatName.ShouldContain("mp4");
        probe.Duration.ShouldBe(duration, OneFrame);
        var video = probe.Video.ShouldNotBeNull();
        video.CodecName.ShouldBe("h264");
        video.PixelFormat.ShouldBe("yuv420p");
        (video.Width, video.Height).ShouldBe((expected.Width, expected.Height));
        video.FrameRate.ShouldBe("24/1");
        video.FrameCount.ShouldBe(duration * 24);
        video.Duration!.Value.ShouldBe(duration, OneFrame);
        if (audio)
        {
            probe.Streams.Count.ShouldBe(2);
            var sound = probe.Audio.ShouldNotBeNull();
            sound.CodecName.ShouldBe("aac");
            sound.SampleRate.ShouldBe(48000);
            sound.Channels.ShouldBe(2);
            sound.Duration!.Value.ShouldBe(duration, OneFrame);
        }
        else
        {
            probe.Streams.Count.ShouldBe(1);
            probe.Audio.ShouldBeNull();
        }

        var atoms = Mp4Atoms.TopLevel(rendered.VideoPath).ToList();
        atoms.IndexOf("moov").ShouldBeLessThan(atoms.IndexOf("mdat"), "+faststart puts the index first: " + string.Join(",", atoms));
        using var poster = SKCodec.Create(rendered.PosterPath);
        (poster.Info.Width, poster.Info.Height).ShouldBe((expected.Width, expected.Height));
        Measurements.Record(string.Create(
            CultureInfo.InvariantCulture,
            $"{resolution} {ratio} {duration}s audio={audio}: {probe.Size} bytes"));
    }
}
