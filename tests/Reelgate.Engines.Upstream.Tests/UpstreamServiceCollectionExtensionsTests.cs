using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reelgate.Engines.Upstream.Fal;

namespace Reelgate.Engines.Upstream.Tests;

public sealed class UpstreamServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddUpstreamEngines_registers_only_the_engines_whose_key_is_configured()
    {
        await using var host = new EngineHost(new Dictionary<string, string?>
        {
            ["FAL_KEY"] = "from-the-environment",
            ["Reelgate:Upstreams:Replicate:ApiKey"] = "from-settings",
            ["Reelgate:Upstreams:Pixverse:ApiKey"] = " ",
        });

        host.Services.GetServices<Core.Ports.IVideoEngine>().Select(e => e.Name).Order(StringComparer.Ordinal).ShouldBe([
            "fal",
            "replicate"]);
        host.Services.GetRequiredService<IOptions<FalOptions>>().Value.ApiKey.ShouldBe("from-the-environment");
    }

    [Fact]
    public async Task AddUpstreamEngines_names_the_key_of_a_bad_setting()
    {
        await using var host = new EngineHost(new Dictionary<string, string?>
        {
            ["FAL_KEY"] = "k",
            ["Reelgate:Upstreams:Fal:BaseUrl"] = "queue.fal.run",
            ["Reelgate:Upstreams:Fal:MaxPollInterval"] = "00:00:00.001",
        });

        var error = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<FalOptions>>().Value);

        error.Message.ShouldContain("Reelgate:Upstreams:Fal:BaseUrl");
        error.Message.ShouldContain("Reelgate:Upstreams:Fal:MaxPollInterval");
    }
}
