using Reelgate.Client.Serialization;

namespace Reelgate.Client.Models;

/// <summary>t2v (text to video) or i2v (animate an image).</summary>
public readonly record struct GenerationMode(string Value) : IWireValue<GenerationMode>
{
    public static GenerationMode T2v { get; } = new("t2v");

    public static GenerationMode I2v { get; } = new("i2v");

    /// <summary>Every value this client knows; a newer server may send others.</summary>
    public static IReadOnlyList<GenerationMode> Known { get; } = [T2v, I2v];

    public static GenerationMode FromWire(string value) => new(value);

    public static implicit operator GenerationMode(string value) => new(value);

    public override string ToString() => Value;
}
