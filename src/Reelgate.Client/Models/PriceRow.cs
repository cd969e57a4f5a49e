namespace Reelgate.Client.Models;

/// <summary>One cell of the rate card: what a video of these resolutions, this duration and audio costs.</summary>
public sealed record PriceRow(string Tier, IReadOnlyList<string> Resolutions, VideoDuration Duration, bool Audio, decimal Amount);
