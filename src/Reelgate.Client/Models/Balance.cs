namespace Reelgate.Client.Models;

/// <summary>A key's credit in USD: <see cref="Available"/> excludes what is held for unfinished jobs.</summary>
public sealed record Balance(decimal Available, decimal Held, string Currency);
