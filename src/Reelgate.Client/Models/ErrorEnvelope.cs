namespace Reelgate.Client.Models;

/// <summary>The contract's error body: <c>{"error": {"type", "code", "message", "param"}}</c>.</summary>
public sealed record ErrorEnvelope(ErrorDetail? Error);
