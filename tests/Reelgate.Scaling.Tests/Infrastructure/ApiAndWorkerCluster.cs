using Reelgate.Testing;

namespace Reelgate.Scaling.Tests.Infrastructure;

/// <summary>
/// A class fixture: two API-only nodes and one worker-only node on PostgreSQL and S3, so every job is
/// submitted on one process and rendered on another. Tests use keys of their own.
/// </summary>
public sealed class ApiAndWorkerCluster : IAsyncLifetime
{
    private Cluster? _cluster;

    public ServerProcess ApiA => Started.Nodes[0];

    public ServerProcess ApiB => Started.Nodes[1];

    public ServerProcess Worker => Started.Nodes[2];

    public string DatabaseConnectionString => Started.DatabaseConnectionString;

    private Cluster Started
    {
        get
        {
            Cluster.Require();
            return _cluster ?? throw new InvalidOperationException("the cluster did not start");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (TestServices.Postgres is null || TestServices.S3Url is null)
        {
            return; // each test skips, saying why
        }

        _cluster = await Cluster.CreateAsync(TestContext.Current.CancellationToken);
        _cluster.AddNode("api-a", "api", 0);
        _cluster.AddNode("api-b", "api", 0);
        _cluster.AddNode("worker", "worker", 2);
        await _cluster.StartAllAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
