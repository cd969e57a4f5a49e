namespace Reelgate.Core.Engines;

/// <summary>An input image on local disk, with its role ("image" or "image_end") and its content type.</summary>
public sealed record RenderInput(string Role, string Path, string ContentType, int Width, int Height);
