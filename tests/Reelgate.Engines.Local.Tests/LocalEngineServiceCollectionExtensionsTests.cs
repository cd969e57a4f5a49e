using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Engines.Local.Encoding;

namespace Reelgate.Engines.Local.Tests;

public sealed class LocalEngineServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLocalEngine_registers_engine_and_bound_options_when_given_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Reelgate:Ffmpeg:Preset"] = "faster",
                ["Reelgate:Ffmpeg:Threads"] = "3",
            })
            .Build();
        var services = new ServiceCollection().AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));

        services.AddLocalEngine(configuration);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        provider.GetServices<IVideoEngine>().Single().Name.ShouldBe("local");
        provider.GetRequiredService<FfmpegTools>().ShouldNotBeNull();
        var options = provider.GetRequiredService<IOptions<FfmpegOptions>>().Value;
        options.Preset.ShouldBe("faster");
        options.Threads.ShouldBe(3);
        options.FfmpegPath.ShouldBe("ffmpeg");
    }

    [Fact]
    public async Task AddLocalEngine_fails_validation_naming_the_key_when_preset_is_unknown()
    {
        var services = new ServiceCollection().AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));

        services.AddLocalEngine(o => o.Preset = "warp");
        await using var provider = services.BuildServiceProvider();

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FfmpegOptions>>().Value);
        error.Message.ShouldContain("Reelgate:Ffmpeg:Preset");
    }

    [Fact]
    public async Task AddLocalEngine_fails_validation_naming_the_key_when_threads_is_negative()
    {
        var services = new ServiceCollection().AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));

        services.AddLocalEngine(o => o.Threads = -1);
        await using var provider = services.BuildServiceProvider();

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FfmpegOptions>>().Value);
        error.Message.ShouldContain("Reelgate:Ffmpeg:Threads");
    }
}
