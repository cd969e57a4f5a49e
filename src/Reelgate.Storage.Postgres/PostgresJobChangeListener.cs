using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Reelgate.Core.Ports;

namespace Reelgate.Storage.Postgres;

/// <summary>
/// Keeps one connection LISTENing on the channel the jobs triggers notify and hands each announcement to the
/// observers: "job_id status" for a change of a job (001_initial.sql), "queued" once an insert statement
/// (008_new_jobs_announced_once_a_statement.sql). A lost connection is opened again after a pause; meanwhile the
/// observers' own polling still sees every change, only later.
/// </summary>
public sealed partial class PostgresJobChangeListener(
    PostgresDialect dialect,
    IEnumerable<IJobChangeObserver> observers,
    TimeProvider time,
    ILogger<PostgresJobChangeListener> logger) : BackgroundService
{
    public const string Channel = "reelgate_jobs";

    /// <summary>The payload of an insert of new jobs: no job id, only that there is work.</summary>
    public const string JobsQueued = "queued";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);
    private readonly IJobChangeObserver[] _observers = observers.ToArray();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (changes committed after it are heard).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_observers.Length == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                LogLost(logger, e, ReconnectDelay.TotalSeconds);
                await Task.Delay(ReconnectDelay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += OnNotification;
        try
        {
            await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            {
                await listen.ExecuteNonQueryAsync(cancellationToken);
            }

            LogListening(logger, Channel);
            foreach (var observer in _observers)
            {
                observer.OnListening();
            }

            _listening.TrySetResult();
            while (true)
            {
                await connection.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            connection.Notification -= OnNotification;
            foreach (var observer in _observers)
            {
                observer.OnListenerLost();
            }

            await UnlistenAsync(connection);
        }
    }

    /// <summary>The pool does not reset connections (see <see cref="PostgresDialect"/>), so this one stops listening
    /// before it goes back.</summary>
    private static async Task UnlistenAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection);
            await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
        {
            // A broken connection is not reused: the pool drops it.
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (string.Equals(e.Payload, JobsQueued, StringComparison.Ordinal))
        {
            foreach (var observer in _observers)
            {
                observer.OnJobsQueued();
            }

            return;
        }

        var space = e.Payload.LastIndexOf(' ');
        if (space <= 0)
        {
            return;
        }

        var jobId = e.Payload[..space];
        var status = e.Payload[(space + 1)..];
        foreach (var observer in _observers)
        {
            observer.OnJobChanged(jobId, status);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Listening for job changes of every node on channel {Channel}")]
    private static partial void LogListening(ILogger logger, string channel);

    [LoggerMessage(
        EventId = 3002,
        Level = LogLevel.Warning,
        Message = "Lost the job-change listener connection; reconnecting in {Seconds} s " +
                  "(until then other nodes' changes are seen by polling)")]
    private static partial void LogLost(ILogger logger, Exception exception, double seconds);
}
