namespace Reelgate.Client.Models;

/// <summary>When the fields in <see cref="If"/> have those values, each field in <see cref="Then"/> may take only the values
/// listed.</summary>
public sealed record ModelConstraint(IReadOnlyDictionary<string, string> If, IReadOnlyDictionary<string, IReadOnlyList<string>> Then);
