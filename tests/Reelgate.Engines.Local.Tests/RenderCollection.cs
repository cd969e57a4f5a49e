namespace Reelgate.Engines.Local.Tests;

/// <summary>Tests that render real videos run one at a time (two cores; the cancel test measures a deadline).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RenderCollection
{
    public const string Name = "renders";
}
