using Reelgate.Testing;

namespace Reelgate.Engines.Local.Tests;

/// <summary>A rendered video decoded back to small RGB24 frames for measuring.</summary>
internal sealed record RenderedClip(string Path, int Width, int Height, IReadOnlyList<byte[]> Frames)
{
    public static async Task<RenderedClip> DecodeAsync(string path, int width, int height)
    {
        var frames = new List<byte[]>();
        await DecodedVideo.ReadFramesAsync(
            path,
            width,
            height,
            (_, frame) => frames.Add((byte[])frame.Clone()),
            TestContext.Current.CancellationToken);
        return new RenderedClip(path, width, height, frames);
    }

    public double MeanLuma => Frames.Average(FrameStats.MeanLuma);

    public double MeanHue => FrameStats.MeanHue(Frames[Frames.Count / 2]);

    /// <summary>Mean absolute change between consecutive frames, averaged over the clip.</summary>
    public double MeanMotion => Frames.Zip(Frames.Skip(1)).Average(p => FrameStats.MeanAbsDiff(p.First, p.Second));

    public double MaxMotion => Frames.Zip(Frames.Skip(1)).Max(p => FrameStats.MeanAbsDiff(p.First, p.Second));

    public double MeanSpecks => Frames.Where((_, i) => i % 6 == 0).Average(f => FrameStats.Specks(f, Width, Height));
}
