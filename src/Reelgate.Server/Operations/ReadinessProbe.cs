using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Reelgate.Server.Operations;

/// <summary>
/// Answers /readyz from the readiness checks' last report while it is younger than
/// <see cref="HealthOptions.ReadyCacheFor"/>; one caller refreshes it, the others wait for that same check. The
/// report is written by <see cref="HealthResponseWriter"/>, which never shows an exception's text.
/// </summary>
public sealed class ReadinessProbe(HealthCheckService checks, IOptions<HealthOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private (Task<HealthReport> Report, DateTimeOffset At)? _last;

    public async Task AnswerAsync(HttpContext context)
    {
        var report = await CurrentAsync().WaitAsync(context.RequestAborted);
        context.Response.StatusCode =
            report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        context.Response.Headers.CacheControl = "no-store, no-cache";
        await HealthResponseWriter.WriteAsync(context, report);
    }

    private Task<HealthReport> CurrentAsync()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_last is { } last && (!last.Report.IsCompleted || now - last.At < options.Value.ReadyCacheFor))
            {
                return last.Report;
            }

            // The check runs on its own token: a caller that goes away must not fail the check the others wait for.
            var report = checks.CheckHealthAsync(
                check => check.Tags.Contains(Startup.OperationsRegistration.ReadyTag), CancellationToken.None);
            _last = (report, now);
            return report;
        }
    }
}
