using Reelgate.Core.Catalog;
using Reelgate.Core.Engines;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;
using Reelgate.Engines.Local;
using Reelgate.Engines.Upstream;
using Reelgate.Imaging;
using Reelgate.Imaging.Media;
using Reelgate.Server.Auth;
using Reelgate.Server.Configuration;
using Reelgate.Server.Errors;
using Reelgate.Server.Features.Files;
using Reelgate.Server.Features.Generations;
using Reelgate.Server.Features.Jobs;
using Reelgate.Server.Features.OpenAiVideos;
using Reelgate.Server.Http;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Startup;

/// <summary>Everything the server is made of, wired once.</summary>
public static class ReelgateServices
{
    public const string EnginesSection = "Reelgate:Engines";

    public static IServiceCollection AddReelgate(this IServiceCollection services, IConfiguration configuration, ModelCatalog catalog)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ReelgateOptions>().Bind(configuration.GetSection(ReelgateOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SimulationOptions>().Bind(configuration.GetSection(SimulationOptions.Section));
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KeyLimitDefaultsOptions>().Bind(configuration.GetSection(KeyLimitDefaultsOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.Configure<HostOptions>(host =>
        {
            var grace = configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>()?.ShutdownGrace
                ?? new WorkerOptions().ShutdownGrace;
            host.ShutdownTimeout = grace + TimeSpan.FromSeconds(10);
        });

        // The catalog and what reads it.
        services.AddSingleton(catalog);
        services.AddSingleton<GenerationRequestParser>();
        services.AddSingleton(sp => new EngineRouter(
            sp.GetServices<IVideoEngine>(),
            configuration.GetSection(EnginesSection).Get<string[]>() is { Length: > 0 } order ? order : ["local"]));

        services.AddReelgateStorage(configuration);

        services.AddLocalEngine(configuration);

        // Upstream providers: each registered only when its key is configured; Reelgate:Engines enables and orders them.
        services.AddUpstreamEngines(configuration);
        services.AddImaging(configuration);

        // Reads every engine's output (ffprobe, or the header of a still image) and takes posters.
        services.AddMediaTools(configuration);

        // HTTP: errors, auth, JSON, OpenAPI.
        services.AddApiErrors();
        services.AddApiKeyAuth();
        services.AddKeyRateLimiting();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Reelgate API";
            document.Info.Description = "A self-hosted video-generation API compatible with the hosted Pixverse v5.6 API.";
            return Task.CompletedTask;
        }));
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(
            "v1", options => options.AddDocumentTransformer<Features.Playground.SeedCodeSamples>());

        // Jobs.
        services.AddSingleton<UrlSigner>();
        services.AddHostedService<SigningKeyRefresher>();
        services.AddSingleton<OutputUrls>();
        services.AddSingleton<JobResponseMapper>();
        services.AddSingleton<GenerationPlanner>();
        services.AddScoped<SubmissionService>();
        services.AddSingleton<AdminKeyBootstrapper>();
        services.AddSingleton<WorkSignal>();
        services.AddOptions<JobCacheOptions>().Bind(configuration.GetSection(JobCacheOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobReadCache>();
        services.AddSingleton<JobChangeFeed>();
        services.AddSingleton<EventStreamSlots>();
        services.AddSingleton<JobCancellations>();
        services.AddSingleton<WorkerIdentity>();
        services.AddSingleton<InputStaging>();
        services.AddSingleton<EngineFallback>();
        services.AddSingleton<OutputStore>();
        services.AddSingleton<FailureRules>();
        services.AddSingleton<LeaseHeartbeat>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService<JobWorkerService>();
        services.AddWebhooksAndRetention(configuration);

        // Every change of a job made here is announced by the stores' decorators, never by their callers.
        services.Decorate<IJobStore>((sp, inner) => ActivatorUtilities.CreateInstance<AnnouncingJobStore>(sp, inner));
        services.Decorate<IRetentionStore>((sp, inner) => ActivatorUtilities.CreateInstance<AnnouncingRetentionStore>(sp, inner));
        services.Decorate<IWebhookStore>((sp, inner) => ActivatorUtilities.CreateInstance<AnnouncingWebhookStore>(sp, inner));
        services.AddOpenAiVideos(configuration);
        return services;
    }
}
