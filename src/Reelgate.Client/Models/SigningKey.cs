namespace Reelgate.Client.Models;

/// <summary>
/// A key that signs output URLs (never its secret). Status: "primary" (signs new links), "active" (still verifies the
/// links it signed; retirable at <see cref="RetirableAt"/>), "retired".
/// </summary>
public sealed record SigningKey(
    string Id, string Object, string Status, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, DateTimeOffset? RetirableAt);
