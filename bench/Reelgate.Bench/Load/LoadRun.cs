namespace Reelgate.Bench.Load;

/// <summary>
/// One bounded wrk run against one target: throughput, latency percentiles (µs from wrk, here in ms),
/// failed requests, and the CPU seconds the generator, the server, its database and the whole machine used meanwhile.
/// </summary>
internal sealed record LoadRun(
    string Target, string Scenario, int Connections, int Generators,
    long Requests, double Seconds, long Non2xx, long SocketErrors, long Timeouts,
    double P50Ms, double P90Ms, double P99Ms, double MaxMs,
    double GeneratorCpu, double ServerCpu, double DatabaseCpu, double MachineCpu)
{
    public double Rps => Seconds > 0 ? Requests / Seconds : 0;

    /// <summary>Server (and database) CPU per request, in microseconds: steadier than throughput on a shared machine.</summary>
    public double CpuMicrosPerRequest => Requests > 0 ? (ServerCpu + DatabaseCpu) * 1e6 / Requests : double.NaN;

    public long Failed => Non2xx + SocketErrors + Timeouts;
}
