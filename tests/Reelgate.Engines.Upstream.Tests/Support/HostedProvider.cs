using Reelgate.Core.Ports;
using Reelgate.Engines.Upstream.EmpirioLabs;
using Reelgate.Engines.Upstream.Fal;
using Reelgate.Engines.Upstream.Pixverse;
using Reelgate.Engines.Upstream.Replicate;

namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>
/// A hosted provider's fake on loopback and the upstream engines pointed at it (<see cref="EngineHost"/>), chosen by the
/// engine's name: the start of the tests that hold alike for every hosted provider.
/// </summary>
public sealed class HostedProvider(string engine, FakeProvider fake, EngineHost host) : IAsyncDisposable
{
    private const string FalKey = "fal-key-id:fal-secret-0123456789";
    private const string PixverseKey = "pv-test-key-0123456789";
    private const string ReplicateKey = "r8_test_token_0123456789";
    private const string EmpirioLabsKey = "el-test-key-0123456789";

    public FakeProvider Fake => fake;

    public EngineHost Host => host;

    public IVideoEngine Engine => host.Engine(engine);

    /// <summary>Starts the fake of the provider behind <paramref name="engine"/>, with these settings of its section.</summary>
    public static async Task<HostedProvider> StartAsync(string engine, string video, params (string Key, string Value)[] settings)
    {
        var (fake, section, key) = engine switch
        {
            "fal" => ((FakeProvider)new FalFake(video, FalKey), FalOptions.SectionName, FalKey),
            "pixverse" => (new PixverseFake(video, PixverseKey), PixverseOptions.SectionName, PixverseKey),
            "replicate" => (new ReplicateFake(video, ReplicateKey), ReplicateOptions.SectionName, ReplicateKey),
            "empiriolabs" => (new EmpirioLabsFake(video, EmpirioLabsKey), EmpirioLabsOptions.SectionName, EmpirioLabsKey),
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "not a hosted provider"),
        };
        await FakeProvider.StartedAsync(fake, TestContext.Current.CancellationToken);
        return new HostedProvider(engine, fake, new EngineHost(EngineHost.Settings(section, fake.BaseUrl, key, settings)));
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await fake.DisposeAsync();
    }
}
