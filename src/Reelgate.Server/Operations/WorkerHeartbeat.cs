namespace Reelgate.Server.Operations;

/// <summary>When this process's workers last showed signs of life (a claim attempt or a job heartbeat), for /readyz.</summary>
public sealed class WorkerHeartbeat(TimeProvider time)
{
    private long _lastBeat = time.GetTimestamp();

    public void Beat() => Interlocked.Exchange(ref _lastBeat, time.GetTimestamp());

    public TimeSpan SinceLastBeat => time.GetElapsedTime(Interlocked.Read(ref _lastBeat));
}
