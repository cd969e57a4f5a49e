using Reelgate.Core.Billing;

namespace Reelgate.Core.Keys;

/// <summary>A key with its balance, as the admin key list shows them.</summary>
public sealed record KeyBalance(ApiKey Key, Balance Balance);
