namespace Reelgate.Server.Features.SigningKeys;

/// <summary>
/// A key that signs output URLs, never its secret. Status: "primary" (signs new links), "active" (verifies the links
/// it signed until retired; retirable once every such link has expired, at <c>retirable_at</c>), "retired".
/// </summary>
public sealed record SigningKeyResponse(
    string Id, string Object, string Status, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, DateTimeOffset? RetirableAt);

/// <summary>Every signing key, oldest first.</summary>
public sealed record SigningKeyListResponse(string Object, IReadOnlyList<SigningKeyResponse> Data);
