namespace Reelgate.Core.Catalog;

/// <summary>
/// A rule between parameters: when every field in <see cref="If"/> has its value, each field in
/// <see cref="Then"/> must take one of the listed values (e.g. 1080p allows only 5s and 8s).
/// </summary>
public sealed record ParameterConstraint(
    IReadOnlyDictionary<string, string> If,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Then);
