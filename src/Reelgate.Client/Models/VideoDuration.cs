using Reelgate.Client.Serialization;

namespace Reelgate.Client.Models;

/// <summary>The clip's length: 5s, 8s or 10s (10s is not available at 1080p).</summary>
public readonly record struct VideoDuration(string Value) : IWireValue<VideoDuration>
{
    public static VideoDuration Seconds5 { get; } = new("5s");

    public static VideoDuration Seconds8 { get; } = new("8s");

    public static VideoDuration Seconds10 { get; } = new("10s");

    /// <summary>Every value this client knows; a newer server may send others.</summary>
    public static IReadOnlyList<VideoDuration> Known { get; } = [Seconds5, Seconds8, Seconds10];

    public static VideoDuration FromWire(string value) => new(value);

    public static implicit operator VideoDuration(string value) => new(value);

    public override string ToString() => Value;
}
