using System.Globalization;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Options;
using Reelgate.Core.Engines;
using Reelgate.Core.Ports;
using SkiaSharp;

namespace Reelgate.Imaging.Media;

/// <summary>
/// Reads what a media file holds: a still image (JPEG, PNG, WebP, GIF) from its header with SkiaSharp, in
/// process; an MP4 of H.264 (and AAC) from its index, in process (<see cref="Mp4Header"/>); anything else with
/// ffprobe (format, first video and first audio stream). Starting ffprobe costs about 0.2 CPU-s (it loads some
/// 200 shared libraries), as much as encoding a small clip's poster frame many times over, and every job has a
/// poster and a video.
/// </summary>
public sealed class FfprobeMediaProbe(IOptions<MediaToolsOptions> options) : IMediaProbe
{
    private readonly MediaToolsOptions _options = options.Value;

    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        if (StillImage(path) is { } image)
        {
            return image;
        }

        if (Mp4Index(path) is { } mp4)
        {
            return mp4;
        }

#pragma warning disable IDISP001 // BufferedCommandResult is not IDisposable; the analyzer sees CommandTask's Dispose
        var result = await Cli.Wrap(_options.FfprobePath)
            .WithArguments(["-v", "error", .. Mp4Input.FileOnly, "-print_format", "json", "-show_format", "-show_streams", path])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
#pragma warning restore IDISP001
        if (result.ExitCode != 0)
        {
            throw new InvalidDataException($"ffprobe could not read {Path.GetFileName(path)}: {result.StandardError.Trim()}");
        }

        return Parse(result.StandardOutput, new FileInfo(path).Length);
    }

    /// <summary>A still image's size and format from its header, or null when the file is not one.</summary>
    internal static MediaInfo? StillImage(string path)
    {
        using var codec = SKCodec.Create(path);
        if (codec is null || codec.FrameCount > 1)
        {
            return null;
        }

        var format = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => "mjpeg",
            SKEncodedImageFormat.Png => "png",
            SKEncodedImageFormat.Webp => "webp",
            SKEncodedImageFormat.Gif => "gif",
            _ => null,
        };
        return format is null
            ? null
            : new MediaInfo("image2", codec.Info.Width, codec.Info.Height, 0, 0, 1, format, null, null, null, null,
                new FileInfo(path).Length);
    }

    /// <summary>An MP4's facts from its index, or null (ffprobe decides) when the index is not the common case or is malformed.</summary>
    internal static MediaInfo? Mp4Index(string path)
    {
        try
        {
            return Mp4Header.Read(path);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>Turns ffprobe's JSON (-show_format -show_streams) into a <see cref="MediaInfo"/>.</summary>
    internal static MediaInfo Parse(string json, long bytes)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var format = root.GetProperty("format");
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];
        var video = streams.FirstOrDefault(e => Text(e, "codec_type") == "video");
        var audio = streams.FirstOrDefault(e => Text(e, "codec_type") == "audio");
        var hasVideo = video.ValueKind == JsonValueKind.Object;
        var hasAudio = audio.ValueKind == JsonValueKind.Object;
        return new MediaInfo(
            Text(format, "format_name") ?? "unknown",
            hasVideo ? (int)(Number(video, "width") ?? 0) : 0,
            hasVideo ? (int)(Number(video, "height") ?? 0) : 0,
            Number(format, "duration") ?? (hasVideo ? Number(video, "duration") : null) ?? 0,
            hasVideo ? Rate(Text(video, "avg_frame_rate")) ?? Rate(Text(video, "r_frame_rate")) ?? 0 : 0,
            hasVideo && Number(video, "nb_frames") is { } frames ? (long)frames : null,
            hasVideo ? Text(video, "codec_name") : null,
            hasVideo ? Text(video, "pix_fmt") : null,
            hasAudio ? Text(audio, "codec_name") : null,
            hasAudio ? (int?)Number(audio, "sample_rate") : null,
            hasAudio ? (int?)Number(audio, "channels") : null,
            bytes);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>"24/1" or "24000/1001" to frames per second; null for "0/0" or garbage.</summary>
    private static double? Rate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && plain > 0
                ? plain
                : null;
        }

        return double.TryParse(text.AsSpan(0, slash), NumberStyles.Float, CultureInfo.InvariantCulture, out var num)
            && double.TryParse(text.AsSpan(slash + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var den)
            && num > 0 && den > 0
            ? num / den
            : null;
    }
}
