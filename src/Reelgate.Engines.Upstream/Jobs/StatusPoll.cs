using System.Text.Json;

namespace Reelgate.Engines.Upstream.Jobs;

/// <summary>
/// A status poll after what every provider's answer shares: Settled when the poll already has its result (a transient
/// fault, a refusal, an answer without a status); otherwise the answer's body and its "status" for the provider to read.
/// </summary>
public sealed record StatusPoll(PollResult? Settled, JsonElement Body = default, string Status = "");
