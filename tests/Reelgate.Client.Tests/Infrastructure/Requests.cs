using Reelgate.Client.Models;

namespace Reelgate.Client.Tests.Infrastructure;

/// <summary>Cheap requests: 360p, 5 s, no audio (about a second of rendering), with fault simulation by metadata.</summary>
public static class Requests
{
    public static GenerationRequest Quick(string prompt = "a red fox runs through the snow", string? simulate = null) => new()
    {
        Prompt = prompt,
        Resolution = Resolution.P360,
        AspectRatio = AspectRatio.Square1x1,
        Duration = VideoDuration.Seconds5,
        Audio = false,
        Metadata = simulate is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { ["reelgate_simulate"] = simulate },
    };
}
