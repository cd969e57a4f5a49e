using System.Globalization;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace Reelgate.Testing;

/// <summary>What ffprobe says of a media file, read independently of the code under test.</summary>
public sealed record ProbedStream(string CodecType, string CodecName, int? Width, int? Height, string? PixelFormat,
    string? FrameRate, long? FrameCount, int? SampleRate, int? Channels, double? Duration);

public sealed record ProbedFile(string FormatName, double Duration, long Size, IReadOnlyList<ProbedStream> Streams)
{
    public ProbedStream? Video => Streams.FirstOrDefault(s => s.CodecType == "video");

    public ProbedStream? Audio => Streams.FirstOrDefault(s => s.CodecType == "audio");
}

/// <summary>Runs the system's ffprobe on a file, counting frames exactly (-count_frames).</summary>
public static class FfprobeReader
{
    public static async Task<ProbedFile> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap("ffprobe")
            .WithArguments(["-v", "error", "-count_frames", "-print_format", "json", "-show_format", "-show_streams", path])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffprobe failed on {path}: {result.StandardError}");
        }

        using var json = JsonDocument.Parse(result.StandardOutput);
        var format = json.RootElement.GetProperty("format");
        var streams = json.RootElement.GetProperty("streams").EnumerateArray().Select(s => new ProbedStream(
            s.GetProperty("codec_type").GetString()!,
            s.GetProperty("codec_name").GetString()!,
            Int(s, "width"),
            Int(s, "height"),
            Str(s, "pix_fmt"),
            Str(s, "r_frame_rate"),
            Long(s, "nb_read_frames"),
            Int(s, "sample_rate"),
            Int(s, "channels"),
            Dbl(s, "duration"))).ToList();
        return new ProbedFile(
            format.GetProperty("format_name").GetString()!,
            Dbl(format, "duration") ?? 0,
            Long(format, "size") ?? 0,
            streams);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.Number ? v.GetInt32() : int.TryParse(v.GetString(), CultureInfo.InvariantCulture, out var i)
                ? i : null
            : null;

    private static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && long.TryParse(
            v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText(),
            CultureInfo.InvariantCulture,
            out var l) ? l : null;

    private static double? Dbl(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && double.TryParse(
            v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText(),
            CultureInfo.InvariantCulture,
            out var d) ? d : null;
}
