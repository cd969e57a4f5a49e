namespace Reelgate.Client.Serialization;

/// <summary>
/// A string value of the contract with known constants that stays open to values a newer server adds
/// (a new resolution, style or status never breaks an older client's deserializer).
/// </summary>
public interface IWireValue<TSelf>
    where TSelf : struct, IWireValue<TSelf>
{
    /// <summary>The exact string on the wire, e.g. <c>"1080p"</c>.</summary>
    string Value { get; }

    static abstract TSelf FromWire(string value);
}
