using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Engines.Upstream.EmpirioLabs;
using Reelgate.Engines.Upstream.Fal;
using Reelgate.Engines.Upstream.Http;
using Reelgate.Engines.Upstream.Media;
using Reelgate.Engines.Upstream.OpenAiVideo;
using Reelgate.Engines.Upstream.Pixverse;
using Reelgate.Engines.Upstream.Replicate;

namespace Reelgate.Engines.Upstream;

/// <summary>
/// Registers the upstream engines whose credentials are configured (an engine without a key is not registered,
/// so it can never be enabled by mistake), each with its options (validated at start) and its HTTP client.
/// </summary>
public static class UpstreamServiceCollectionExtensions
{
    /// <summary>The engine names this project provides, in the catalog's order.</summary>
    public static readonly IReadOnlyList<string> EngineNames =
        [PixverseEngine.EngineName, EmpirioLabsEngine.EngineName, FalEngine.EngineName, ReplicateEngine.EngineName];

    public static IServiceCollection AddUpstreamEngines(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<EngineMetrics>();
        services.AddOptions<PosterOptions>().Bind(configuration.GetSection(PosterOptions.SectionName));
        services.TryAddSingleton<PosterExtractor>();
        services.TryAddSingleton<OutputDownloader>();
        services.TryAddSingleton<UpstreamRuntime>();
        ProviderClients.AddOutputClient(services);

        Add<PixverseEngine, PixverseOptions>(services, configuration, PixverseEngine.EngineName, PixverseOptions.SectionName, PixverseOptions.KeyVariable, postIsDeduplicated: true);
        Add<EmpirioLabsEngine, EmpirioLabsOptions>(services, configuration, EmpirioLabsEngine.EngineName, EmpirioLabsOptions.SectionName, EmpirioLabsOptions.KeyVariable, postIsDeduplicated: false);
        Add<FalEngine, FalOptions>(services, configuration, FalEngine.EngineName, FalOptions.SectionName, FalOptions.KeyVariable, postIsDeduplicated: false);
        Add<ReplicateEngine, ReplicateOptions>(services, configuration, ReplicateEngine.EngineName, ReplicateOptions.SectionName, ReplicateOptions.KeyVariable, postIsDeduplicated: false);
        OpenAiVideoRegistration.Add(services, configuration);
        return services;
    }

    /// <summary>The key of a provider: its section's ApiKey, else its environment variable (read through configuration).</summary>
    public static string? KeyOf(IConfiguration configuration, string section, string variable)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration[section + ":ApiKey"];
        return string.IsNullOrWhiteSpace(key) ? NullIfBlank(configuration[variable]) : key;
    }

    private static void Add<TEngine, TOptions>(IServiceCollection services, IConfiguration configuration, string engine, string section, string variable, bool postIsDeduplicated)
        where TEngine : UpstreamEngine
        where TOptions : UpstreamOptions
    {
        var key = KeyOf(configuration, section, variable);
        if (key is null)
        {
            return;
        }

        services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(section))
            .PostConfigure(options => options.ApiKey = key)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(section)));
        ProviderClients.Add<TOptions>(services, engine, postIsDeduplicated);
        services.TryAddSingleton<TEngine>();
        services.AddSingleton<IVideoEngine>(sp => sp.GetRequiredService<TEngine>());
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Names every bad setting of a provider's section with its key.</summary>
    private sealed class SectionValidator<TOptions>(string section) : IValidateOptions<TOptions>
        where TOptions : UpstreamOptions
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var failures = UpstreamOptionsValidation.Check(options, section);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
