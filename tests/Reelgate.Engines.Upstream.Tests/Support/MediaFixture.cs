using CliWrap;
using Reelgate.Testing;

[assembly: AssemblyFixture(typeof(Reelgate.Engines.Upstream.Tests.Support.MediaFixture))]

namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>Real media made once with ffmpeg: the MP4 the fakes serve as outputs, and input images of two shapes.</summary>
public sealed class MediaFixture : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("upstream-media");

    public string Video => _folder.File("output.mp4");

    /// <summary>640×480 PNG (4:3).</summary>
    public string Image43 => _folder.File("input-43.png");

    /// <summary>640×360 JPEG (16:9).</summary>
    public string Image169 => _folder.File("input-169.jpg");

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        await Cli.Wrap("ffmpeg").WithArguments(["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=1",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-shortest", "-movflags", "+faststart", Video]).ExecuteAsync(token);
        await TestMedia.WriteStillAsync(Image43, "testsrc=size=640x480", token);
        await TestMedia.WriteStillAsync(Image169, "testsrc=size=640x360", token);
    }

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
