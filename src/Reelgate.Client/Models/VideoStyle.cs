using Reelgate.Client.Serialization;

namespace Reelgate.Client.Models;

/// <summary>A stylisation preset.</summary>
public readonly record struct VideoStyle(string Value) : IWireValue<VideoStyle>
{
    public static VideoStyle None { get; } = new("none");

    public static VideoStyle Anime { get; } = new("anime");

    public static VideoStyle Animation3d { get; } = new("3d_animation");

    public static VideoStyle Clay { get; } = new("clay");

    public static VideoStyle Comic { get; } = new("comic");

    public static VideoStyle Cyberpunk { get; } = new("cyberpunk");

    /// <summary>Every value this client knows; a newer server may send others.</summary>
    public static IReadOnlyList<VideoStyle> Known { get; } = [None, Anime, Animation3d, Clay, Comic, Cyberpunk];

    public static VideoStyle FromWire(string value) => new(value);

    public static implicit operator VideoStyle(string value) => new(value);

    public override string ToString() => Value;
}
