namespace Reelgate.Client.Models;

/// <summary>A job's price in exact decimal money, and whether it is held, charged or released.</summary>
public sealed record JobCost(decimal Amount, string Currency, CostState State);
