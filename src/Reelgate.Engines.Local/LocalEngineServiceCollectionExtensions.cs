using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Engines.Local.Encoding;

namespace Reelgate.Engines.Local;

/// <summary>Registers the local engine and the ffmpeg settings and start-up check.</summary>
public static class LocalEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LocalVideoEngine"/> as an <see cref="IVideoEngine"/> named "local", <see cref="FfmpegTools"/>
    /// and <see cref="ChildProcessTracker"/>, with
    /// <see cref="FfmpegOptions"/> bound from the "Reelgate:Ffmpeg" section of <paramref name="configuration"/>
    /// (the root configuration) and validated at start.
    /// </summary>
    public static IServiceCollection AddLocalEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FfmpegOptions>().Bind(configuration.GetSection(FfmpegOptions.SectionName));
        return services.AddLocalEngineCore();
    }

    /// <summary>The same registrations with options set in code (tests, tools).</summary>
    public static IServiceCollection AddLocalEngine(this IServiceCollection services, Action<FfmpegOptions>? configure = null)
    {
        var builder = services.AddOptions<FfmpegOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return services.AddLocalEngineCore();
    }

    private static IServiceCollection AddLocalEngineCore(this IServiceCollection services)
    {
        services.AddOptions<FfmpegOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FfmpegOptions>, FfmpegOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChildProcessTracker>();
        services.TryAddSingleton<FfmpegTools>();
        services.TryAddSingleton<LocalVideoEngine>();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IVideoEngine, LocalVideoEngine>(sp => sp.GetRequiredService<LocalVideoEngine>()));
        return services;
    }
}
