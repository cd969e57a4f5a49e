namespace Reelgate.Bench.Reporting;

/// <summary>One row of the key table: a measured figure beside its target (met is null where there is no target).</summary>
internal sealed record TargetRow(string Suite, string What, string Measured, string Target, bool? Met, string? Note);
