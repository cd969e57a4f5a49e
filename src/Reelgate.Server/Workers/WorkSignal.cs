namespace Reelgate.Server.Workers;

/// <summary>Wakes idle workers of this process when a job is queued here (one wake-up per job, up to 64).</summary>
public sealed class WorkSignal() : WakeSignal(64);
