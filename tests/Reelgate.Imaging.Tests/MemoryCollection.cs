namespace Reelgate.Imaging.Tests;

/// <summary>Tests that measure the process's memory run in this collection: alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(MemoryCollection), DisableParallelization = true)]
public sealed class MemoryCollection;
