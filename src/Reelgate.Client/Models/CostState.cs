using Reelgate.Client.Serialization;

namespace Reelgate.Client.Models;

/// <summary>Whether a job's price is held, charged (completed) or released (failed or cancelled).</summary>
public readonly record struct CostState(string Value) : IWireValue<CostState>
{
    public static CostState Held { get; } = new("held");

    public static CostState Charged { get; } = new("charged");

    public static CostState Released { get; } = new("released");

    /// <summary>Every value this client knows; a newer server may send others.</summary>
    public static IReadOnlyList<CostState> Known { get; } = [Held, Charged, Released];

    public static CostState FromWire(string value) => new(value);

    public static implicit operator CostState(string value) => new(value);

    public override string ToString() => Value;
}
