namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>The OpenAI video protocol's settings; bound from "Reelgate:OpenAiVideos".</summary>
public sealed class OpenAiVideoOptions
{
    public const string Section = "Reelgate:OpenAiVideos";

    /// <summary>The model of a request that names none; the catalog's first model when unset.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>Spritesheet tiles: columns × rows of frames taken evenly over the video.</summary>
    public int SpritesheetColumns { get; set; } = 5;

    public int SpritesheetRows { get; set; } = 5;

    /// <summary>The longer side of one spritesheet tile, in pixels.</summary>
    public int SpritesheetTileSize { get; set; } = 256;
}
