using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Reelgate.Core.Ports;
using Reelgate.Server.Operations;
using Reelgate.Storage.Sql;

namespace Reelgate.Server.Startup;

/// <summary>
/// What an operator watches: request ids, JSON logs (optional), /healthz and /readyz, OpenTelemetry metrics
/// (Prometheus scrape at /metrics unless Reelgate:Metrics:Prometheus is false) and traces (OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set).
/// </summary>
public static class OperationsRegistration
{
    public const string ReadyTag = "ready";

    /// <summary>The runtime's own meter (.NET 9 and later): GC, thread pool, JIT-compiled methods, exceptions.</summary>
    public const string RuntimeMeterName = "System.Runtime";

    public static WebApplicationBuilder AddReelgateOperations(this WebApplicationBuilder builder)
    {
        if (string.Equals(builder.Configuration["Reelgate:Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);
        }

        builder.Services.AddSingleton<WorkerHeartbeat>();
        builder.Services.AddOptions<HealthOptions>().Bind(builder.Configuration.GetSection(HealthOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReadinessProbe>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<BlobStoreHealthCheck>("blob_store", tags: [ReadyTag])
            .AddCheck<FfmpegHealthCheck>("ffmpeg", tags: [ReadyTag])
            .AddCheck<WorkersHealthCheck>("workers", tags: [ReadyTag]);
        builder.Services.AddSingleton<FfmpegHealthCheck>();

        builder.Services.AddSingleton<JobMetrics>();
        builder.Services.AddSingleton<IJobStatistics, SqlJobStatistics>();
        builder.Services.AddHostedService<JobStateSampler>();
        builder.Services.Decorate<IJobStore>(
            (sp, inner) => new InstrumentedJobStore(inner, sp.GetRequiredService<JobMetrics>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.Decorate<IVideoEngine>(
            (sp, inner) => new TracedVideoEngine(inner, sp.GetRequiredService<JobMetrics>(), sp.GetRequiredService<TimeProvider>()));

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(JobMetrics.MeterName, "Reelgate.Engines", RuntimeMeterName)
                    .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (PrometheusEnabled(builder.Configuration))
                {
                    metrics.AddPrometheusExporter();
                }
            });

        // Spans are made only when they go somewhere: with no exporter every request's span would be built, tagged
        // and thrown away (about a tenth of a submit's CPU, docs/benchmarks.md).
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing =>
                tracing.AddSource(JobTracing.SourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter());
        }

        return builder;
    }

    private static bool PrometheusEnabled(IConfiguration configuration) =>
        !string.Equals(configuration["Reelgate:Metrics:Prometheus"], "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// /metrics needs an admin key (Prometheus sends it as a bearer credential) unless Reelgate:Metrics:AllowAnonymous is true.
    /// </summary>
    private static bool MetricsNeedAdminKey(IConfiguration configuration) =>
        !string.Equals(configuration["Reelgate:Metrics:AllowAnonymous"], "true", StringComparison.OrdinalIgnoreCase);

    public static WebApplication UseRequestIds(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        return app;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        if (PrometheusEnabled(app.Configuration))
        {
            var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
            if (MetricsNeedAdminKey(app.Configuration))
            {
                metrics.RequireAuthorization(Auth.ApiKeyClaims.AdminPolicy);
            }
        }

        // Probes come often and from few addresses: not rate limited (/readyz answers from a cached check).
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .ExcludeFromDescription().DisableRateLimiting();
        app.MapGet("/readyz", (HttpContext context, ReadinessProbe probe) => probe.AnswerAsync(context))
            .ExcludeFromDescription().DisableRateLimiting();
        return app;
    }
}
