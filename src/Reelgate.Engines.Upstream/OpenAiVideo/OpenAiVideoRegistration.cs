using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Engines.Upstream.Http;

namespace Reelgate.Engines.Upstream.OpenAiVideo;

/// <summary>
/// Registers the openai-video engine when its section names GPU servers (BaseUrls); unlike a hosted provider it needs
/// no key. Its settings are validated at start with each key named.
/// </summary>
internal static class OpenAiVideoRegistration
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(OpenAiVideoOptions.SectionName);
        if (!section.GetSection("BaseUrls").GetChildren().Any())
        {
            return;
        }

        // The operator named these servers, so their content links may be on private addresses; user-supplied URLs stay guarded.
        var hosts = section.GetSection("BaseUrls").GetChildren()
            .Select(url => Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) ? uri.Host : null)
            .OfType<string>()
            .ToList();
        services.PostConfigure<Media.OutputFetchOptions>(outputs => outputs.PrivateHosts.AddRange(hosts));

        var key = UpstreamServiceCollectionExtensions.KeyOf(
            configuration, OpenAiVideoOptions.SectionName, OpenAiVideoOptions.KeyVariable)?.Key;
        services.AddOptions<OpenAiVideoOptions>()
            .Bind(section)
            .PostConfigure(options =>
            {
                options.ApiKey = key;
                options.BaseUrl = options.BaseUrls.FirstOrDefault() ?? "";
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAiVideoOptions>, Validator>());
        ProviderClients.Add<OpenAiVideoOptions>(services, OpenAiVideoEngine.EngineName, postIsDeduplicated: false);
        services.TryAddSingleton<GpuServerPool>();
        services.TryAddSingleton<OpenAiVideoEngine>();
        services.AddSingleton<IVideoEngine>(sp => sp.GetRequiredService<OpenAiVideoEngine>());
    }

    private sealed class Validator : IValidateOptions<OpenAiVideoOptions>
    {
        public ValidateOptionsResult Validate(string? name, OpenAiVideoOptions options)
        {
            var section = OpenAiVideoOptions.SectionName;
            var failures = UpstreamOptionsValidation.Check(options, section);
            if (OpenAiVideoDialect.Named(options.Dialect) is null)
            {
                failures.Add($"{section}:Dialect must be one of {string.Join(", ", OpenAiVideoDialect.Names)}, not '{options.Dialect}'");
            }

            for (var i = 0; i < options.BaseUrls.Count; i++)
            {
                if (!Uri.TryCreate(options.BaseUrls[i], UriKind.Absolute, out var uri)
                    || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                    || !string.IsNullOrEmpty(uri.Query))
                {
                    failures.Add($"{section}:BaseUrls:{i} must be an absolute http(s) URL without a query");
                }
            }

            if (options.BaseUrls.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.BaseUrls.Count)
            {
                failures.Add($"{section}:BaseUrls names a server twice");
            }

            for (var i = 0; i < options.Capacities.Count; i++)
            {
                if (options.Capacities[i] is < 1 or > 1000)
                {
                    failures.Add($"{section}:Capacities:{i} must be from 1 to 1000");
                }
            }

            if (options.Capacities.Count > options.BaseUrls.Count)
            {
                failures.Add($"{section}:Capacities has more entries than BaseUrls");
            }

            if (options.ProbeInterval <= TimeSpan.Zero || options.ProbeInterval > TimeSpan.FromMinutes(10))
            {
                failures.Add($"{section}:ProbeInterval must be between 00:00:00.001 and 00:10:00");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
