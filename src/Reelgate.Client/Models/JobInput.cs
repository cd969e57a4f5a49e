namespace Reelgate.Client.Models;

/// <summary>An input image of an i2v job, after the server normalised it.</summary>
public sealed record JobInput(string Role, string ContentType, int Width, int Height, long Bytes, int OriginalWidth, int OriginalHeight);
