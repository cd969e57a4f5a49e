using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Imaging.Media;

namespace Reelgate.Imaging.Tests.Media;

public sealed class MediaServiceCollectionExtensionsTests
{
    [Fact]
    public void AddMediaTools_registers_the_probe_and_the_poster_extractor_when_given_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Reelgate:Ffmpeg:FfprobePath"] = "/opt/ffmpeg/ffprobe" })
            .Build();

        using var provider = new ServiceCollection().AddMediaTools(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        provider.GetRequiredService<IMediaProbe>().ShouldBeOfType<FfprobeMediaProbe>();
        provider.GetRequiredService<PosterExtractor>().ShouldNotBeNull();
        var options = provider.GetRequiredService<IOptions<MediaToolsOptions>>().Value;
        (options.FfmpegPath, options.FfprobePath).ShouldBe(("ffmpeg", "/opt/ffmpeg/ffprobe"));
    }
}
