using Reelgate.Core.Validation;

namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>Validated requests as the parser would produce them.</summary>
public static class Specs
{
    public static GenerationSpec TextToVideo(string resolution = "720p", string aspectRatio = "16:9", int duration = 5, bool audio = true,
        string style = "none", string thinking = "auto", string? negativePrompt = null, int seed = 42, string model = "pixverse-v5-6") =>
        new(model, "a red fox runs through snow at dawn", GenerationSpec.TextToVideo, resolution, aspectRatio, duration, audio,
            null, null, style, thinking, negativePrompt, seed, null, new Dictionary<string, string>());

    public static GenerationSpec ImageToVideo(bool withEnd = false, string aspectRatio = "16:9") =>
        TextToVideo(aspectRatio: aspectRatio) with
        {
            Mode = GenerationSpec.ImageToVideo,
            Image = "upl_fromuser",
            ImageEnd = withEnd ? "upl_enduser" : null,
        };
}
