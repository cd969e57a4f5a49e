using Reelgate.Core.Pricing;

namespace Reelgate.Core.Billing;

/// <summary>A key's credit: what it can spend now, and what is held for jobs not yet final.</summary>
public sealed record Balance(Money Available, Money Held);
