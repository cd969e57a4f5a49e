using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reelgate.Core.Engines;
using Reelgate.Core.Validation;
using Reelgate.Engines.Local.Encoding;
using Reelgate.Testing;

namespace Reelgate.Engines.Local.Tests;

/// <summary>A real <see cref="LocalVideoEngine"/> (system ffmpeg, system clock) rendering into a temp folder.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new("engine");

    /// <param name="time">The engine's clock (the system's by default).</param>
    /// <param name="x264Preset">The x264 preset (the engine's default when null).</param>
    public EngineHarness(TimeProvider? time = null, string? x264Preset = null)
    {
        Processes = new ChildProcessTracker();
        var options = new FfmpegOptions();
        options.Preset = x264Preset ?? options.Preset;
        Engine = new LocalVideoEngine(
            Options.Create(options),
            Processes,
            time ?? TimeProvider.System,
            NullLogger<LocalVideoEngine>.Instance);
    }

    public ChildProcessTracker Processes { get; }

    public LocalVideoEngine Engine { get; }

    public string Folder(string name) => Directory.CreateDirectory(_temp.File(name)).FullName;

    public string File(string name) => _temp.File(name);

    public RenderJob Job(GenerationSpec spec, string name, IReadOnlyList<RenderInput>? images = null, IProgress<int>? progress = null) =>
        new("job_" + name, spec, images ?? [], Path.Combine(_temp.Path, name), progress ?? new Progress<int>(), new NoCheckpoint())
        {
            AllowSimulation = true,
        };

    /// <summary>Renders and returns the video path; fails the test when the engine does not render.</summary>
    public async Task<RenderOutcome.Rendered> RenderAsync(GenerationSpec spec, string name, IReadOnlyList<RenderInput>? images = null)
    {
        var outcome = await Engine.RenderAsync(Job(spec, name, images), TestContext.Current.CancellationToken);
        return outcome.ShouldBeOfType<RenderOutcome.Rendered>();
    }

    public async ValueTask DisposeAsync()
    {
        await Processes.DisposeAsync();
        _temp.Dispose();
    }

    private sealed class NoCheckpoint : IEngineCheckpoint
    {
        public string? Saved => null;

        public Task<bool> SaveAsync(string value, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
