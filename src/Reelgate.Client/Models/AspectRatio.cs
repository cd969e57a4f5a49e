using Reelgate.Client.Serialization;

namespace Reelgate.Client.Models;

/// <summary>The frame's shape: 16:9, 4:3, 1:1, 3:4 or 9:16.</summary>
public readonly record struct AspectRatio(string Value) : IWireValue<AspectRatio>
{
    public static AspectRatio Landscape16x9 { get; } = new("16:9");

    public static AspectRatio Classic4x3 { get; } = new("4:3");

    public static AspectRatio Square1x1 { get; } = new("1:1");

    public static AspectRatio Portrait3x4 { get; } = new("3:4");

    public static AspectRatio Portrait9x16 { get; } = new("9:16");

    /// <summary>Every value this client knows; a newer server may send others.</summary>
    public static IReadOnlyList<AspectRatio> Known { get; } = [Landscape16x9, Classic4x3, Square1x1, Portrait3x4, Portrait9x16];

    public static AspectRatio FromWire(string value) => new(value);

    public static implicit operator AspectRatio(string value) => new(value);

    public override string ToString() => Value;
}
