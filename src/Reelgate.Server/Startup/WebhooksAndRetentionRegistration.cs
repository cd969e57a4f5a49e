using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Imaging;
using Reelgate.Imaging.Networking;
using Reelgate.Server.Retention;
using Reelgate.Server.Webhooks;
using Reelgate.Storage.Sql;

namespace Reelgate.Server.Startup;

/// <summary>The webhook outbox and its sender (through the image URLs' address guard), and the retention sweeper.</summary>
public static class WebhooksAndRetentionRegistration
{
    public static IServiceCollection AddWebhooksAndRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IWebhookStore, SqlWebhookStore>();
        services.AddSingleton<IRetentionStore, SqlRetentionStore>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookUrlGuard>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweeper>());

        // No logging handlers: they would write receivers' URLs, query strings included.
        services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var imaging = sp.GetRequiredService<IOptions<ImagingOptions>>().Value;
                return sp.GetRequiredService<GuardedHttpHandlerFactory>()
                    .Create(new PublicAddressPolicy(imaging.AllowPrivateUrls), imaging.ConnectTimeout);
            });
        return services;
    }
}
