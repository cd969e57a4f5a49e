using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reelgate.Core.Ports;

namespace Reelgate.Imaging.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Registers what reads and derives from any engine's output: <see cref="FfprobeMediaProbe"/> as the
    /// <see cref="IMediaProbe"/> and <see cref="PosterExtractor"/>, with <see cref="MediaToolsOptions"/> bound
    /// from the "Reelgate:Ffmpeg" section of <paramref name="configuration"/> (the root configuration).
    /// </summary>
    public static IServiceCollection AddMediaTools(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MediaToolsOptions>().Bind(configuration.GetSection(MediaToolsOptions.SectionName));
        services.TryAddSingleton<IMediaProbe, FfprobeMediaProbe>();
        services.TryAddSingleton<PosterExtractor>();
        return services;
    }
}
