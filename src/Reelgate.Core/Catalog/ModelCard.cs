using Reelgate.Core.Pricing;

namespace Reelgate.Core.Catalog;

/// <summary>What a model accepts, costs and which engines can serve it, as the catalog data says.</summary>
public sealed record ModelCard(
    string Id,
    string Name,
    string Provider,
    string Category,
    string License,
    string Description,
    IReadOnlyList<string> Input,
    IReadOnlyList<string> Output,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Endpoints,
    IReadOnlyList<string> Engines,
    IReadOnlyList<ParameterSpec> Parameters,
    IReadOnlyList<ParameterConstraint> Constraints,
    RateCard Pricing)
{
    public ParameterSpec Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"model {Id} has no parameter {name} in the catalog");

    public bool HasParameter(string name) =>
        Parameters.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>The values a parameter may take once the other fields are known (constraints applied).</summary>
    public IReadOnlyList<string>? AllowedGiven(string name, IReadOnlyDictionary<string, string> chosen)
    {
        IReadOnlyList<string>? allowed = Parameter(name).Values;
        foreach (var constraint in Constraints)
        {
            var applies = constraint.If.All(pair =>
                chosen.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));
            if (applies && constraint.Then.TryGetValue(name, out var only))
            {
                allowed = allowed is null ? only : allowed.Intersect(only, StringComparer.Ordinal).ToList();
            }
        }

        return allowed;
    }
}
