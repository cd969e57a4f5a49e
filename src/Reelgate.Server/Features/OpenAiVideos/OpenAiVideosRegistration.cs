using Microsoft.Extensions.Options;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>The OpenAI video protocol's services and settings.</summary>
public static class OpenAiVideosRegistration
{
    public static IServiceCollection AddOpenAiVideos(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpenAiVideoOptions>().Bind(configuration.GetSection(OpenAiVideoOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenAiVideoOptions>, OpenAiVideoOptionsValidator>();
        services.AddSingleton<VideoResponseMapper>();
        services.AddSingleton<VideoFormReader>();
        services.AddSingleton<VideoRequestTranslator>();
        services.AddSingleton<InputReferenceUploads>();
        services.AddSingleton<SpritesheetMaker>();
        return services;
    }
}
