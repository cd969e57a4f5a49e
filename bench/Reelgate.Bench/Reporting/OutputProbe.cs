using System.Globalization;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace Reelgate.Bench.Reporting;

/// <summary>What the system's ffprobe says of a downloaded output, counting its frames (-count_frames): a line of the report.</summary>
internal sealed record OutputProbe(string? Codec, int? Width, int? Height, long? Frames, double Duration, long Size)
{
    public static async Task<OutputProbe> ReadAsync(string path, CancellationToken cancellationToken)
    {
#pragma warning disable IDISP001 // BufferedCommandResult is not IDisposable; the analyzer sees CommandTask's Dispose
        var result = await Cli.Wrap("ffprobe")
            .WithArguments([
                "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,width,height,nb_read_frames:format=duration,size", "-of", "json", path,
            ])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
#pragma warning restore IDISP001
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffprobe failed on {path}: {result.StandardError}");
        }

        using var json = JsonDocument.Parse(result.StandardOutput);
        var format = json.RootElement.GetProperty("format");
        var video = json.RootElement.GetProperty("streams").EnumerateArray().Cast<JsonElement?>().FirstOrDefault();
        return new OutputProbe(
            video?.GetProperty("codec_name").GetString(),
            video?.GetProperty("width").GetInt32(),
            video?.GetProperty("height").GetInt32(),
            video is { } v
                && long.TryParse(v.GetProperty("nb_read_frames").GetString(), CultureInfo.InvariantCulture, out var frames) ? frames : null,
            double.Parse(format.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture),
            long.Parse(format.GetProperty("size").GetString()!, CultureInfo.InvariantCulture));
    }
}
