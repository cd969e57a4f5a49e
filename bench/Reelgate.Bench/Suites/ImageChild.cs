using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reelgate.Imaging;
using Reelgate.Imaging.Normalizing;

namespace Reelgate.Bench.Suites;

/// <summary>
/// <c>image-child INPUT OUTPUT</c>: normalises one file twice with the server's <see cref="ImageNormalizer"/>
/// (cold, then warm as in a running server) in a process of its own, and prints key=value lines: cold_ms,
/// warm_ms, warm_cpu_ms, ready_rss_kb (the process with libvips loaded, before the first image), peak_rss_kb,
/// width, height, bytes, png (1 when the output is a PNG).
/// </summary>
internal static class ImageChild
{
    public const string Command = "image-child";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (input, output) = (arguments[0], arguments[1]);
        var options = Options.Create(new ImagingOptions { ScratchDirectory = Path.GetDirectoryName(output) });
        using var queue = new DecodeQueue(options);
        var normalizer = new ImageNormalizer(
            options,
            queue,
            new ScratchSpace(options, NullLogger<ScratchSpace>.Instance),
            TimeProvider.System,
            NullLogger<ImageNormalizer>.Instance);
        var ready = ProcessMeter.RssKb(Environment.ProcessId);
        var c = CultureInfo.InvariantCulture;

        var started = TimeProvider.System.GetTimestamp();
        var cold = await normalizer.NormalizeAsync(input, "image", output, cancellationToken);
        var coldMs = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
        if (!cold.Succeeded)
        {
            throw new InvalidOperationException($"normalising failed: {cold.Failure.Code}: {cold.Failure.Message}");
        }

        var cpu = CpuClock.Self();
        started = TimeProvider.System.GetTimestamp();
        var warm = await normalizer.NormalizeAsync(input, "image", output, cancellationToken);
        var warmMs = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
        var warmCpu = CpuClock.Self() - cpu;
        var image = warm.Succeeded ? warm.Value : throw new InvalidOperationException($"normalising failed: {warm.Failure.Code}");
        Console.WriteLine(string.Create(c, $"cold_ms={coldMs:0}"));
        Console.WriteLine(string.Create(c, $"warm_ms={warmMs:0}"));
        Console.WriteLine(string.Create(c, $"warm_cpu_ms={warmCpu.TotalMilliseconds:0}"));
        Console.WriteLine(string.Create(c, $"ready_rss_kb={ready}"));
        Console.WriteLine(string.Create(c, $"peak_rss_kb={ProcessMeter.PeakRssKb(Environment.ProcessId)}"));
        Console.WriteLine(string.Create(c, $"width={image.Width}"));
        Console.WriteLine(string.Create(c, $"height={image.Height}"));
        Console.WriteLine(string.Create(c, $"bytes={image.Bytes}"));
        Console.WriteLine(string.Create(c, $"png={(image.ContentType == "image/png" ? 1 : 0)}"));
        return 0;
    }
}
