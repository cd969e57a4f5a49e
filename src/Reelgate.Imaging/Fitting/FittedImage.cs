namespace Reelgate.Imaging.Fitting;

/// <summary>An input image ready to send: the file, its content type and size.</summary>
public sealed record FittedImage(string Path, string ContentType, int Width, int Height);
