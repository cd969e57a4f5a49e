using System.Globalization;
using Reelgate.Testing;

namespace Reelgate.Scaling.Tests.Infrastructure;

/// <summary>
/// Server processes sharing one throwaway PostgreSQL database and one fresh S3 bucket, the way a
/// deployment of several nodes shares them; each node has its own data folder (scratch space only).
/// The test is skipped, saying why, when the test servers are not given.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    /// <summary>Short leases so a killed node's jobs are taken up again within seconds.</summary>
    public const string Lease = "00:00:05";

    private readonly ThrowawayDatabase _database;
    private readonly TempDirectory _data = new("cluster");
    private readonly List<ServerProcess> _nodes = [];

    private Cluster(ThrowawayDatabase database)
    {
        _database = database;
    }

    public string DatabaseConnectionString => _database.ConnectionString;

    public string Bucket { get; } = TestServices.NewBucketName();

    public IReadOnlyList<ServerProcess> Nodes => _nodes;

    public static async Task<Cluster> CreateAsync(CancellationToken cancellationToken)
    {
        Require();
        return new Cluster(await ThrowawayDatabase.CreateAsync(TestServices.Postgres!, cancellationToken));
    }

    /// <summary>Skips the calling test when PostgreSQL or S3 is not given.</summary>
    public static void Require()
    {
        Assert.SkipWhen(TestServices.Postgres is null, TestServices.MissingReason(TestServices.PostgresVariable));
        Assert.SkipWhen(TestServices.S3Url is null, TestServices.MissingReason(TestServices.S3UrlVariable));
    }

    /// <summary>A node (not started) with the deployment's shared settings, its role and worker slots.</summary>
    public ServerProcess AddNode(string name, string role, int workers, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["REELGATE_DATABASE"] = _database.ConnectionString,
            ["REELGATE_S3_URL"] = TestServices.S3Url!,
            ["REELGATE_S3_BUCKET"] = Bucket,
            ["REELGATE_S3_ACCESS_KEY"] = TestServices.S3AccessKey,
            ["REELGATE_S3_SECRET_KEY"] = TestServices.S3SecretKey,
            ["Reelgate__S3__CreateBucket"] = "true",
            ["REELGATE_ROLE"] = role,
            ["REELGATE_WORKERS"] = workers.ToString(CultureInfo.InvariantCulture),
            ["Reelgate__Workers__Lease"] = Lease,
            ["Reelgate__Workers__PollInterval"] = "00:00:00.500",
            ["Reelgate__Ffmpeg__Preset"] = "ultrafast",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var node = new ServerProcess(Path.Combine(_data.Path, name), environment, readyPath: role == "worker" ? "/healthz" : "/v1/models");
        _nodes.Add(node);
        return node;
    }

    /// <summary>Starts every node not yet started, all at once (as a deployment rolling out would).</summary>
    public Task StartAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_nodes.Where(n => n.ProcessId is null && n.ExitCode is null).Select(n => n.StartAsync(
            cancellationToken,
            TimeSpan.FromMinutes(3))));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _database.DisposeAsync();
        _data.Dispose();
    }
}
