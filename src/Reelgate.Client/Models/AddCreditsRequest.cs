namespace Reelgate.Client.Models;

/// <summary>The body of POST /v1/keys/{id}/credits.</summary>
public sealed record AddCreditsRequest(decimal Amount);
