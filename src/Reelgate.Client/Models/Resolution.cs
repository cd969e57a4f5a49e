using Reelgate.Client.Serialization;

namespace Reelgate.Client.Models;

/// <summary>The short side of the video: 360p, 540p, 720p or 1080p.</summary>
public readonly record struct Resolution(string Value) : IWireValue<Resolution>
{
    public static Resolution P360 { get; } = new("360p");

    public static Resolution P540 { get; } = new("540p");

    public static Resolution P720 { get; } = new("720p");

    public static Resolution P1080 { get; } = new("1080p");

    /// <summary>Every value this client knows; a newer server may send others.</summary>
    public static IReadOnlyList<Resolution> Known { get; } = [P360, P540, P720, P1080];

    public static Resolution FromWire(string value) => new(value);

    public static implicit operator Resolution(string value) => new(value);

    public override string ToString() => Value;
}
