using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reelgate.Server.Operations;

/// <summary>
/// The JSON shape health dashboards read for ASP.NET health checks (status, totalDuration, entries with
/// status, description, duration), with the status code the framework gives (200 healthy, 503 unhealthy). A check
/// that threw is described as failed, never by the exception's text (it may name hosts, paths or credentials);
/// the health check service logs the exception.
/// </summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["totalDuration"] = report.TotalDuration.ToString(),
            ["entries"] = report.Entries.ToDictionary(
                e => e.Key,
                e => new Dictionary<string, object?>
                {
                    ["status"] = e.Value.Status.ToString(),
                    ["description"] = e.Value.Exception is not null ? "the check failed; see the server log" : e.Value.Description,
                    ["duration"] = e.Value.Duration.ToString(),
                },
                StringComparer.Ordinal),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
