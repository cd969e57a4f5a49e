using Reelgate.Core.Keys;

namespace Reelgate.Engines.Upstream;

/// <summary>
/// Where each configured provider credential came from, so the server can warn about old variable names at start
/// and refuse a credential that is one of its own client keys. Provider credentials have Reelgate-prefixed names
/// (REELGATE_FAL_KEY, ...); the providers' own names are still read where nothing else uses them, with a warning.
/// </summary>
public sealed class ProviderCredentials
{
    private readonly List<ProviderCredential> _configured = [];

    public IReadOnlyList<ProviderCredential> Configured => _configured;

    internal void Add(ProviderCredential credential) => _configured.Add(credential);

    /// <summary>
    /// Whether a value looks like a Reelgate client key ("rg_..."). PixVerse, fal and Replicate never issue such keys,
    /// so for them it is a mistake (a client key about to be sent to a third party). EmpirioLabs may be another
    /// Reelgate, whose keys look the same: the server checks those against its own key store instead.
    /// </summary>
    public static bool LooksLikeClientKey(string value) =>
        value.StartsWith(KeySecrets.Prefix, StringComparison.Ordinal);
}

/// <summary>One provider's credential: the engine, the credential, and the setting or variable it was read from.</summary>
public sealed record ProviderCredential(string Engine, string Secret, string Source, bool IsLegacyName, bool MayBeAReelgateKey)
{
    /// <summary>Never the secret.</summary>
    public override string ToString() => $"{Engine} credential from {Source}";
}
