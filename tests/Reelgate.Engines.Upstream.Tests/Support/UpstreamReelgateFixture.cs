using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>One Reelgate (the built server, local engine) shared by a class's tests as the EmpirioLabs upstream.</summary>
public sealed class UpstreamReelgateFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new("upstream-reelgate");

    public ServerProcess Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = new ServerProcess(_data.Path, new Dictionary<string, string> { ["REELGATE_WORKERS"] = "2" });
        await Server.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _data.Dispose();
    }
}
