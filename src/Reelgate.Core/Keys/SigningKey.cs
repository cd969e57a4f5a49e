namespace Reelgate.Core.Keys;

/// <summary>
/// A key that signs output URLs. The newest active one signs new links; every active one verifies the links that name
/// it; a retired one verifies nothing.
/// </summary>
public sealed record SigningKey(string Id, string Secret, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt)
{
    /// <summary>The key that signed every link made before keys had ids.</summary>
    public const string FirstId = "k1";

    public bool IsActive => RetiredAt is null;

    /// <summary>Never the secret.</summary>
    public override string ToString() => $"signing key {Id}";
}
