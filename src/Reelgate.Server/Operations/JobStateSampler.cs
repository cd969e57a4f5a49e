using System.Data.Common;
using Reelgate.Core.Ports;

namespace Reelgate.Server.Operations;

/// <summary>Reads the number of jobs in each state every few seconds, for the gauges.</summary>
public sealed partial class JobStateSampler(
    IJobStatistics statistics, JobMetrics metrics, TimeProvider time, ILogger<JobStateSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.UpdateStates(await statistics.CountByStatusAsync(stoppingToken));
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

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Could not count jobs by state for the metrics")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
