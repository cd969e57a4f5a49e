namespace Reelgate.Client.Models;

/// <summary>What a request would cost, and the settings (defaults applied) that decided it.</summary>
public sealed record Quote(decimal Amount, string Currency, string Model, Resolution Resolution, VideoDuration Duration, bool Audio);
