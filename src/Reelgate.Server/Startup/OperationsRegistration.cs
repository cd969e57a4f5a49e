using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Reelgate.Server.Operations;

namespace Reelgate.Server.Startup;

/// <summary>What an operator watches: request ids, JSON logs (optional), /healthz and /readyz.</summary>
public static class OperationsRegistration
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddReelgateOperations(this WebApplicationBuilder builder)
    {
        if (string.Equals(builder.Configuration["Reelgate:Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);
        }

        builder.Services.AddSingleton<WorkerHeartbeat>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<BlobStoreHealthCheck>("blob_store", tags: [ReadyTag])
            .AddCheck<FfmpegHealthCheck>("ffmpeg", tags: [ReadyTag])
            .AddCheck<WorkersHealthCheck>("workers", tags: [ReadyTag]);
        builder.Services.AddSingleton<FfmpegHealthCheck>();
        return builder;
    }

    public static WebApplication UseRequestIds(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        return app;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .ExcludeFromDescription();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = HealthResponseWriter.WriteAsync })
            .ExcludeFromDescription();
        return app;
    }
}
