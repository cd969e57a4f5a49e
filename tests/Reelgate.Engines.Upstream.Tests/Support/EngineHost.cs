using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>
/// The upstream engines as the server registers them (AddUpstreamEngines over configuration), pointed at a fake,
/// with quick polls and retries; and the jobs to run on them, each with its own work folder.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TempDirectory _work = new("upstream-work");

    public EngineHost(IReadOnlyDictionary<string, string?> settings)
    {
        // The fakes serve outputs on 127.0.0.1: the operator's allow-list names it, as a deployment names its own provider.
        var withFakes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Reelgate:Upstreams:Outputs:PrivateHosts:0"] = "127.0.0.1",
        };
        foreach (var (key, value) in settings)
        {
            withFakes[key] = value;
        }

        Configuration = new ConfigurationBuilder().AddInMemoryCollection(withFakes).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddUpstreamEngines(Configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IConfiguration Configuration { get; }

    public IServiceProvider Services => _services;

    /// <summary>Settings for one provider section at the fake, with test-speed timings, plus any overrides.</summary>
    public static Dictionary<string, string?> Settings(string section, Uri baseUrl, string key, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{section}:ApiKey"] = key,
            [$"{section}:BaseUrl"] = baseUrl.AbsoluteUri,
            [$"{section}:PollInterval"] = "00:00:00.020",
            [$"{section}:MaxPollInterval"] = "00:00:00.100",
            [$"{section}:RetryDelay"] = "00:00:00.010",
            [$"{section}:RequestTimeout"] = "00:00:05",
            [$"{section}:Timeout"] = "00:01:00",
        };
        foreach (var (k, v) in extra)
        {
            settings[$"{section}:{k}"] = v;
        }

        return settings;
    }

    public IVideoEngine Engine(string name) => _services.GetServices<IVideoEngine>().Single(e => e.Name == name);

    public RenderJob Job(
        GenerationSpec spec,
        IReadOnlyList<RenderInput>? images = null,
        MemoryCheckpoint? checkpoint = null,
        string? jobId = null)
    {
        var id = jobId ?? Ids.New(Ids.JobPrefix, TimeProvider.System.GetUtcNow());
        var folder = Path.Combine(_work.Path, id);
        Directory.CreateDirectory(folder);
        return new RenderJob(id, spec, images ?? [], folder, new RecordingProgress(), checkpoint ?? new MemoryCheckpoint());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _work.Dispose();
    }
}
