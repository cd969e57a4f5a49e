using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Imaging.Fetching;
using Reelgate.Imaging.Networking;
using Reelgate.Imaging.Normalizing;

namespace Reelgate.Imaging;

public static class ImagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers image inputs: <see cref="IImageSource"/> (scoped; needs an <see cref="IBlobStore"/> and an
    /// <see cref="IUploadStore"/> from elsewhere), <see cref="ImageNormalizer"/> for uploads,
    /// <see cref="GuardedHttpHandlerFactory"/> and <see cref="IHostResolver"/> for any guarded client, the
    /// guarded HttpClient the fetcher uses, and <see cref="ImagingOptions"/> from <c>Reelgate:Imaging</c>,
    /// validated at start.
    /// </summary>
    public static IServiceCollection AddImaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ImagingOptions>()
            .Bind(configuration.GetSection(ImagingOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImagingOptions>, ImagingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.TryAddSingleton<GuardedHttpHandlerFactory>();
        services.TryAddSingleton<ScratchSpace>();
        services.TryAddSingleton<DecodeQueue>();
        services.TryAddSingleton<ImageNormalizer>();
        services.TryAddSingleton<UrlImageFetcher>();
        services.TryAddScoped<IImageSource, ImageSource>();

        // No logging handlers: they would write the URL (path and query) of every fetch.
        services.AddHttpClient(UrlImageFetcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<ImagingOptions>>().Value;
                return provider.GetRequiredService<GuardedHttpHandlerFactory>()
                    .Create(new PublicAddressPolicy(options.AllowPrivateUrls), options.ConnectTimeout);
            });
        return services;
    }
}
