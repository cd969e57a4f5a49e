namespace Reelgate.Engines.Local.Simulation;

/// <summary>One step of a fault simulation: what to do and its argument (an error code or a number of seconds).</summary>
public sealed record SimulationStep(SimulationAction Action, string? Code, TimeSpan Delay);
