using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Engines.Local.Encoding;
using Reelgate.Server.Configuration;
using Reelgate.Server.Workers;
using Reelgate.Storage.Sql;

namespace Reelgate.Server.Operations;

/// <summary>The database answers a query.</summary>
public sealed class DatabaseHealthCheck(SqlDialect dialect) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy("the database answers");
    }
}

/// <summary>The blob store takes a write and a delete.</summary>
public sealed class BlobStoreHealthCheck(IBlobStore blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var key = $"health/{Environment.MachineName}-{Environment.ProcessId}.txt";
        using var content = new MemoryStream("ok"u8.ToArray());
        await blobs.PutAsync(key, content, "text/plain", cancellationToken);
        await blobs.DeleteAsync(key, cancellationToken);
        return HealthCheckResult.Healthy("the blob store is writable");
    }
}

/// <summary>ffmpeg and ffprobe run (only where this process renders); the answer is kept a minute.</summary>
public sealed class FfmpegHealthCheck(FfmpegTools tools, IOptions<WorkerOptions> workers, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    private (long At, string? Problem)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (workers.Value.Count == 0)
        {
            return HealthCheckResult.Healthy("this process does not render");
        }

        if (_last is not { } last || time.GetElapsedTime(last.At) > KeepFor)
        {
            last = (time.GetTimestamp(), await tools.FindProblemAsync(cancellationToken));
            _last = last;
        }

        return last.Problem is null ? HealthCheckResult.Healthy("ffmpeg and ffprobe run") : HealthCheckResult.Unhealthy(last.Problem);
    }
}

/// <summary>The worker slots are rendering (each running job renews its own lease) or looked for work recently.</summary>
public sealed class WorkersHealthCheck(WorkerHeartbeat heartbeat, JobCancellations running, IOptions<WorkerOptions> workers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var options = workers.Value;
        if (options.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("this process does not render"));
        }

        if (running.Count > 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{running.Count} job(s) rendering"));
        }

        var limit = TimeSpan.FromTicks(Math.Max(options.PollInterval.Ticks * 5, options.Lease.Ticks));
        var since = heartbeat.SinceLastBeat;
        return Task.FromResult(since <= limit
            ? HealthCheckResult.Healthy($"workers beat {since.TotalSeconds:0.0} s ago")
            : HealthCheckResult.Unhealthy($"no worker heartbeat for {since.TotalSeconds:0} s (limit {limit.TotalSeconds:0} s)"));
    }
}
