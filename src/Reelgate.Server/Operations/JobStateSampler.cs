using System.Data.Common;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;

namespace Reelgate.Server.Operations;

/// <summary>
/// Reads the number of jobs in each state for the gauges. Queued and processing jobs are counted every
/// <see cref="Interval"/> from the index of claimable jobs, so that count costs what the queue holds; when the queue is
/// so long that counting it takes more than 40 ms, the next count waits <see cref="CountSpacing"/> times as long.
/// Finished jobs need a scan of the whole jobs table, which only grows (a quarter of a second for 450,000 jobs on
/// SQLite or 250,000 on PostgreSQL, on every node): the scan runs again only once <see cref="ScanSpacing"/> times its
/// last duration has passed, so it never takes more than a 250th of one core, and on a small table it still runs every
/// <see cref="Interval"/>. Both readings come in bursts on one core: every tenth of a second of them is a stall for
/// whatever else shares the machine (docs/benchmarks.md), so the slow ones are kept rare.
/// </summary>
public sealed partial class JobStateSampler(
    IJobStatistics statistics, JobMetrics metrics, TimeProvider time, ILogger<JobStateSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    public const int ScanSpacing = 250;
    public const int CountSpacing = 50;

    private Dictionary<JobStatus, long> _finished = Enum.GetValues<JobStatus>().Where(s => s.IsFinal()).ToDictionary(s => s, _ => 0L);
    private DateTimeOffset _scanDue = DateTimeOffset.MinValue;
    private TimeSpan _lastScan;
    private TimeSpan _lastCount;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(await SampleAsync(stoppingToken), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbException e)
            {
                LogSampleFailed(logger, e);
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// One reading of the gauges (the loop's step; tests call it with their own clock). Returns the pause before the
    /// next: <see cref="Interval"/>, or longer when counting the queue itself took long (a queue of 100,000 jobs takes
    /// about a tenth of a second on PostgreSQL).
    /// </summary>
    internal async Task<TimeSpan> SampleAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() >= _scanDue)
        {
            var started = time.GetTimestamp();
            var all = await statistics.CountByStatusAsync(cancellationToken);
            _finished = _finished.Keys.ToDictionary(s => s, s => all.GetValueOrDefault(s));
            _scanDue = time.GetUtcNow() + Spaced(Steady(ref _lastScan, time.GetElapsedTime(started)), ScanSpacing);
        }

        var countStarted = time.GetTimestamp();
        var active = await statistics.CountActiveAsync(cancellationToken);
        var pause = Spaced(Steady(ref _lastCount, time.GetElapsedTime(countStarted)), CountSpacing);
        var states = new Dictionary<JobStatus, long>(_finished);
        foreach (var status in Enum.GetValues<JobStatus>().Where(s => !s.IsFinal()))
        {
            states[status] = active.GetValueOrDefault(status);
        }

        metrics.UpdateStates(states);
        return pause;
    }

    /// <summary>
    /// The smaller of this reading's duration and the last one's: a large table is slow every time, while one slow
    /// reading (the first after start, a busy machine) must not hold the gauges still for many times as long.
    /// </summary>
    private static TimeSpan Steady(ref TimeSpan last, TimeSpan took)
    {
        var steady = took < last ? took : last;
        last = took;
        return steady;
    }

    private static TimeSpan Spaced(TimeSpan took, int spacing) => took * spacing > Interval ? took * spacing : Interval;

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Could not count jobs by state for the metrics")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
