using Reelgate.Client;
using Reelgate.Client.Models;
using Reelgate.Testing;

namespace Reelgate.Cli.Tests.Infrastructure;

/// <summary>One built server per test class, keys for it, and a working folder for the command's files.</summary>
public sealed class CliFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new("cli-server");

    public CliFixture()
    {
        Server = new ServerProcess(_data.Path, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["REELGATE_WORKERS"] = "2",
            // The webhook commands' tests deliver to a receiver on loopback.
            ["REELGATE_ALLOW_PRIVATE_URLS"] = "true",
        });
    }

    public ServerProcess Server { get; }

    public TempDirectory Files { get; } = new("cli-files");

    public async ValueTask InitializeAsync()
    {
        File.Exists(CliProcess.Dll).ShouldBeTrue($"build the command first: {CliProcess.Dll}");
        await Server.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The command as a user with this key (the admin key when null is not asked for).</summary>
    public CliProcess Cli(string? key = ServerProcess.AdminKey) => new(Server.BaseAddress, key, Files.Path);

    public async Task<string> NewKeyAsync(decimal credits = 20m)
    {
        using var admin = new ReelgateClient(new ReelgateClientOptions
        {
            BaseAddress = Server.BaseAddress,
            ApiKey = ServerProcess.AdminKey,
        });
        var key = await admin.CreateKeyAsync(
            new CreateKeyRequest { Name = "cli " + Guid.NewGuid().ToString("N")[..8], Credits = credits },
            TestContext.Current.CancellationToken);
        return key.Key!;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _data.Dispose();
        Files.Dispose();
    }
}
