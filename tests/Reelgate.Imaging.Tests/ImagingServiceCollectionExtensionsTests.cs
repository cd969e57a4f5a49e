using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Imaging.Networking;
using Reelgate.Imaging.Normalizing;
using Reelgate.Imaging.Tests.Support;

namespace Reelgate.Imaging.Tests;

public sealed class ImagingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddImaging_uses_the_contract_defaults_when_section_is_empty()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<ImagingOptions>>().Value;

        (options.AllowPrivateUrls, options.FetchTimeout, options.MaxConcurrentDecodes).ShouldBe((false, TimeSpan.FromSeconds(10), 2));
    }

    [Fact]
    public void AddImaging_binds_the_reelgate_imaging_section_when_values_are_set()
    {
        using var provider = Build(
            new() { ["Reelgate:Imaging:AllowPrivateUrls"] = "true", ["Reelgate:Imaging:FetchTimeout"] = "00:00:04" });

        var options = provider.GetRequiredService<IOptions<ImagingOptions>>().Value;

        (options.AllowPrivateUrls, options.FetchTimeout).ShouldBe((true, TimeSpan.FromSeconds(4)));
    }

    [Theory]
    [InlineData("MaxConcurrentDecodes", "0", "Reelgate:Imaging:MaxConcurrentDecodes must be between 1 and 64 (got 0)")]
    [InlineData("MaxQueuedDecodes", "-1", "Reelgate:Imaging:MaxQueuedDecodes must be between 0 and 10000 (got -1)")]
    [InlineData("FetchTimeout", "00:00:00", "Reelgate:Imaging:FetchTimeout must be more than 0 and at most 00:05:00 (got 00:00:00)")]
    [InlineData("ScratchDirectory", "relative/path", "Reelgate:Imaging:ScratchDirectory must be an absolute path (got 'relative/path')")]
    public void AddImaging_fails_start_naming_the_key_when_a_value_is_out_of_range(string key, string value, string message)
    {
        using var provider = Build(new() { [$"Reelgate:Imaging:{key}"] = value });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        error.Message.ShouldContain(message);
    }

    [Fact]
    public void AddImaging_registers_every_service_the_server_uses_when_stores_are_present()
    {
        using var provider = Build([]);
        using var scope = provider.CreateScope();

        scope.ServiceProvider.GetRequiredService<IImageSource>().ShouldNotBeNull();
        provider.GetRequiredService<ImageNormalizer>().ShouldNotBeNull();
        provider.GetRequiredService<GuardedHttpHandlerFactory>().ShouldNotBeNull();
        provider.GetRequiredService<IHostResolver>().ShouldBeOfType<DnsHostResolver>();
        provider.GetRequiredService<IHttpClientFactory>().CreateClient("Reelgate.Imaging").Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IBlobStore>(new Storage.Blobs.DiskBlobStore(Path.Combine(Path.GetTempPath(), "reelgate-imaging-di-test")));
        services.AddSingleton<IUploadStore>(new MemoryUploadStore());
        services.AddImaging(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
