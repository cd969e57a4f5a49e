using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Imaging.Networking;
using Reelgate.Imaging.Normalizing;
using Reelgate.Storage.Blobs;
using Reelgate.Testing;

namespace Reelgate.Imaging.Tests.Support;

/// <summary>
/// The imaging services as the server wires them (<c>AddImaging</c> over configuration), with a temp-folder
/// blob store, an in-memory upload store, and optionally a fake resolver and a recording connector.
/// </summary>
internal sealed class ImagingHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new("imaging");
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;
    private int _blobs;

    public ImagingHarness(bool allowPrivateUrls, FakeHostResolver? resolver = null, RecordingConnector? connector = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{ImagingOptions.SectionName}:AllowPrivateUrls"] = allowPrivateUrls ? "true" : "false",
            [$"{ImagingOptions.SectionName}:ScratchDirectory"] = ScratchDirectory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{ImagingOptions.SectionName}:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        Blobs = new DiskBlobStore(Path.Combine(_temp.Path, "blobs"));
        services.AddSingleton<IBlobStore>(Blobs);
        services.AddSingleton<IUploadStore>(Uploads);
        services.AddImaging(configuration);
        if (resolver is not null)
        {
            services.AddSingleton<IHostResolver>(resolver);
        }

        if (connector is not null)
        {
            services.AddSingleton(provider => new GuardedHttpHandlerFactory(
                provider.GetRequiredService<IHostResolver>(),
                provider.GetRequiredService<ILogger<GuardedHttpHandlerFactory>>(),
                connector.ConnectAsync));
        }

        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _scope = _services.CreateAsyncScope();
    }

    public DiskBlobStore Blobs { get; }

    public MemoryUploadStore Uploads { get; } = new();

    public string ScratchDirectory => Path.Combine(_temp.Path, "scratch");

    public IImageSource Source => _scope.ServiceProvider.GetRequiredService<IImageSource>();

    public ImageNormalizer Normalizer => _services.GetRequiredService<ImageNormalizer>();

    public string TempFile(string name) => _temp.File(name);

    public Task<Outcome<JobInput>> ResolveAsync(string reference, string param = "image", string keyId = "key_test") =>
        Source.ResolveAsync(
            new ImageRequest(reference, param, param, $"jobs/job_test/{param}-{Interlocked.Increment(ref _blobs)}", keyId),
            TestContext.Current.CancellationToken);

    public Task<Outcome<JobInput>> ResolveAsync(Uri url, string param = "image") => ResolveAsync(url.ToString(), param);

    /// <summary>The stored bytes of a blob, read back through the blob store.</summary>
    public async Task<byte[]> ReadBlobAsync(string key)
    {
        var content = await Blobs.OpenReadAsync(key, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"no blob {key}");
        await using (content)
        {
            using var copy = new MemoryStream();
            await content.Stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
            return copy.ToArray();
        }
    }

    /// <summary>Files left in the scratch folder (there should be none after a resolve returns).</summary>
    public string[] ScratchFiles() =>
        Directory.Exists(ScratchDirectory) ? Directory.GetFiles(ScratchDirectory) : [];

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        _temp.Dispose();
    }
}
