using Reelgate.Core.Validation;

namespace Reelgate.Engines.Local.Tests;

/// <summary>Generation specs for engine tests: small and short unless a test needs size.</summary>
internal static class Specs
{
    public static GenerationSpec Make(
        string prompt = "a fox in a meadow",
        string resolution = "360p",
        string aspectRatio = "16:9",
        int duration = 5,
        bool audio = false,
        string style = "none",
        string thinking = "auto",
        string? negative = null,
        int seed = 42,
        string mode = "t2v",
        IReadOnlyDictionary<string, string>? metadata = null) =>
        new("pixverse-v5-6", prompt, mode, resolution, aspectRatio, duration, audio,
            mode == "i2v" ? "image" : null, null, style, thinking, negative, seed, null,
            metadata ?? new Dictionary<string, string>());
}
