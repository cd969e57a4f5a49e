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
using Reelgate.Imaging.Media;
using Reelgate.Imaging.Networking;

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
        services.AddOptions<MediaToolsOptions>().Bind(configuration.GetSection(MediaToolsOptions.SectionName));
        services.TryAddSingleton<PosterExtractor>();
        services.AddOptions<OutputFetchOptions>().Bind(configuration.GetSection(OutputFetchOptions.SectionName));
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.TryAddSingleton<GuardedHttpHandlerFactory>();
        services.TryAddSingleton<OutputDownloader>();
        services.TryAddSingleton<UpstreamRuntime>();
        ProviderClients.AddOutputClient(services);

        var credentials = new ProviderCredentials();
        services.TryAddSingleton(credentials);
        Add<PixverseEngine, PixverseOptions>(
            services, configuration, credentials, new Provider(PixverseEngine.EngineName, PixverseOptions.SectionName,
            PixverseOptions.KeyVariable, PixverseOptions.LegacyKeyVariable, MayBeAReelgateKey: false), postIsDeduplicated: true);
        Add<EmpirioLabsEngine, EmpirioLabsOptions>(
            services, configuration, credentials, new Provider(EmpirioLabsEngine.EngineName, EmpirioLabsOptions.SectionName,
            EmpirioLabsOptions.KeyVariable, LegacyVariable: null, MayBeAReelgateKey: true), postIsDeduplicated: false);
        Add<FalEngine, FalOptions>(services, configuration, credentials, new Provider(FalEngine.EngineName, FalOptions.SectionName,
            FalOptions.KeyVariable, FalOptions.LegacyKeyVariable, MayBeAReelgateKey: false), postIsDeduplicated: false);
        Add<ReplicateEngine, ReplicateOptions>(
            services, configuration, credentials, new Provider(ReplicateEngine.EngineName, ReplicateOptions.SectionName,
            ReplicateOptions.KeyVariable, ReplicateOptions.LegacyKeyVariable, MayBeAReelgateKey: false), postIsDeduplicated: false);
        OpenAiVideoRegistration.Add(services, configuration);
        return services;
    }

    /// <summary>
    /// The key of a provider and where it came from: its section's ApiKey, else its Reelgate-prefixed environment
    /// variable, else (when it has one) the provider's own variable name.
    /// </summary>
    public static (string Key, string Source, bool Legacy)? KeyOf(
        IConfiguration configuration, string section, string variable, string? legacyVariable = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (NullIfBlank(configuration[section + ":ApiKey"]) is { } fromSection)
        {
            return (fromSection, section + ":ApiKey", false);
        }

        if (NullIfBlank(configuration[variable]) is { } fromVariable)
        {
            return (fromVariable, variable, false);
        }

        return legacyVariable is not null && NullIfBlank(configuration[legacyVariable]) is { } fromLegacy
            ? (fromLegacy, legacyVariable, true)
            : null;
    }

    private static void Add<TEngine, TOptions>(IServiceCollection services, IConfiguration configuration, ProviderCredentials credentials,
        Provider provider, bool postIsDeduplicated)
        where TEngine : UpstreamEngine
        where TOptions : UpstreamOptions
    {
        if (KeyOf(configuration, provider.Section, provider.Variable, provider.LegacyVariable) is not { } found)
        {
            return;
        }

        var (key, source, legacy) = found;
        credentials.Add(new ProviderCredential(provider.Engine, key, source, legacy, provider.MayBeAReelgateKey));
        services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(provider.Section))
            .PostConfigure(options => options.ApiKey = key)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(
            new SectionValidator<TOptions>(provider, source)));
        ProviderClients.Add<TOptions>(services, provider.Engine, postIsDeduplicated);
        services.TryAddSingleton<TEngine>();
        services.AddSingleton<IVideoEngine>(sp => sp.GetRequiredService<TEngine>());
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>What the registration needs to know of one provider.</summary>
    private sealed record Provider(string Engine, string Section, string Variable, string? LegacyVariable, bool MayBeAReelgateKey);

    /// <summary>Names every bad setting of a provider's section with its key; refuses a Reelgate client key as the credential.</summary>
    private sealed class SectionValidator<TOptions>(Provider provider, string source) : IValidateOptions<TOptions>
        where TOptions : UpstreamOptions
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var failures = UpstreamOptionsValidation.Check(options, provider.Section);
            if (!provider.MayBeAReelgateKey && options.ApiKey is { } key && ProviderCredentials.LooksLikeClientKey(key))
            {
                failures.Add($"{source} holds a Reelgate client key (rg_...), not a {provider.Engine} credential; " +
                              $"set {provider.Variable} to the key the provider issued");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
