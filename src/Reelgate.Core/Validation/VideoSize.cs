namespace Reelgate.Core.Validation;

/// <summary>An output frame size in pixels.</summary>
public readonly record struct VideoSize(int Width, int Height)
{
    public override string ToString() => $"{Width}x{Height}";
}
