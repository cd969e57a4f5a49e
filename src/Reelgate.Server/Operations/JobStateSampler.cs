using System.Data.Common;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;

namespace Reelgate.Server.Operations;

/// <summary>
/// Reads the number of jobs in each state for the gauges. Queued and processing jobs are counted every
/// <see cref="Interval"/> from the index of claimable jobs, so that count costs what the queue holds. Finished jobs
/// need a scan of the whole jobs table, which only grows (about a third of a second for 350,000 jobs on SQLite, on
/// every node): the scan runs again only once <see cref="ScanSpacing"/> times its last duration has passed, so it
/// never takes more than a fiftieth of one core, and on a small table it still runs every <see cref="Interval"/>.
/// </summary>
public sealed partial class JobStateSampler(
    IJobStatistics statistics, JobMetrics metrics, TimeProvider time, ILogger<JobStateSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    public const int ScanSpacing = 50;

    private Dictionary<JobStatus, long> _finished = Enum.GetValues<JobStatus>().Where(s => s.IsFinal()).ToDictionary(s => s, _ => 0L);
    private DateTimeOffset _scanDue = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken);
                await Task.Delay(Interval, time, stoppingToken);
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

    /// <summary>One reading of the gauges (the loop's step; tests call it with their own clock).</summary>
    internal async Task SampleAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() >= _scanDue)
        {
            var started = time.GetTimestamp();
            var all = await statistics.CountByStatusAsync(cancellationToken);
            var took = time.GetElapsedTime(started);
            _finished = _finished.Keys.ToDictionary(s => s, s => all.GetValueOrDefault(s));
            _scanDue = time.GetUtcNow() + (took * ScanSpacing > Interval ? took * ScanSpacing : Interval);
        }

        var active = await statistics.CountActiveAsync(cancellationToken);
        var states = new Dictionary<JobStatus, long>(_finished);
        foreach (var status in Enum.GetValues<JobStatus>().Where(s => !s.IsFinal()))
        {
            states[status] = active.GetValueOrDefault(status);
        }

        metrics.UpdateStates(states);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Could not count jobs by state for the metrics")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
