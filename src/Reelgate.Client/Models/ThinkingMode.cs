using Reelgate.Client.Serialization;

namespace Reelgate.Client.Models;

/// <summary>Whether the model plans before generating.</summary>
public readonly record struct ThinkingMode(string Value) : IWireValue<ThinkingMode>
{
    public static ThinkingMode Auto { get; } = new("auto");

    public static ThinkingMode Enabled { get; } = new("enabled");

    public static ThinkingMode Disabled { get; } = new("disabled");

    /// <summary>Every value this client knows; a newer server may send others.</summary>
    public static IReadOnlyList<ThinkingMode> Known { get; } = [Auto, Enabled, Disabled];

    public static ThinkingMode FromWire(string value) => new(value);

    public static implicit operator ThinkingMode(string value) => new(value);

    public override string ToString() => Value;
}
