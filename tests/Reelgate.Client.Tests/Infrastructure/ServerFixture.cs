using Reelgate.Client.Models;
using Reelgate.Testing;

namespace Reelgate.Client.Tests.Infrastructure;

/// <summary>One built server per test class, as a child process over a temp data folder, and clients for it.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new("client");
    private readonly Lazy<Task<(Job Job, string Key)>> _completed;

    public ServerFixture()
    {
        Server = new ServerProcess(_data.Path, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["REELGATE_WORKERS"] = "2",
            ["REELGATE_ALLOW_PRIVATE_URLS"] = "true",
        });
        _completed = new Lazy<Task<(Job, string)>>(RenderOneAsync);
    }

    public ServerProcess Server { get; }

    public Uri BaseAddress => Server.BaseAddress;

    public async ValueTask InitializeAsync() => await Server.StartAsync(TestContext.Current.CancellationToken);

    /// <summary>A client of the server (or of <paramref name="baseAddress"/>, a proxy in front of it), with short retry delays.</summary>
    public ReelgateClient Client(
        string? key = ServerProcess.AdminKey,
        Uri? baseAddress = null,
        Action<ReelgateClientOptions>? configure = null)
    {
        var options = new ReelgateClientOptions
        {
            BaseAddress = baseAddress ?? BaseAddress,
            ApiKey = key,
            InitialRetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return new ReelgateClient(options);
    }

    /// <summary>A fresh non-admin key with the credits and limits given, so each test sees only its own jobs.</summary>
    public async Task<string> NewKeyAsync(decimal credits = 20m, KeyLimits? limits = null)
    {
        using var admin = Client();
        var key = await admin.CreateKeyAsync(
            new CreateKeyRequest { Name = "test " + Guid.NewGuid().ToString("N")[..8], Credits = credits, Limits = limits },
            TestContext.Current.CancellationToken);
        return key.Key!;
    }

    /// <summary>One completed quick job per class and the key that owns it, rendered once for the tests that only read it.</summary>
    public Task<(Job Job, string Key)> CompletedJobAsync() => _completed.Value;

    private async Task<(Job, string)> RenderOneAsync()
    {
        var key = await NewKeyAsync();
        using var client = Client(key);
        var job = await client.GenerateAndWaitAsync(Requests.Quick(), cancellationToken: TestContext.Current.CancellationToken);
        return job.Status == JobStatus.Completed
            ? (job, key) : throw new InvalidOperationException($"the shared job ended {job.Status}: {job.Error}");
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _data.Dispose();
    }
}
