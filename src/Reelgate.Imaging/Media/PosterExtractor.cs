using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Options;

namespace Reelgate.Imaging.Media;

/// <summary>
/// Takes the first frame of a downloaded video as a JPEG poster with ffmpeg. ffmpeg failing to decode the file
/// is how a download that is not a video is recognised.
/// </summary>
public sealed class PosterExtractor(IOptions<MediaToolsOptions> options)
{
    /// <summary>True when the poster was written; false when ffmpeg could not read a frame from the video.</summary>
    public async Task<bool> ExtractAsync(string video, string poster, CancellationToken cancellationToken)
    {
#pragma warning disable IDISP001 // BufferedCommandResult is not IDisposable; the analyzer sees CommandTask's Dispose
        var result = await Cli.Wrap(options.Value.FfmpegPath)
            .WithArguments(
                ["-v", "error", "-nostdin", "-y", .. Mp4Input.FileOnly, "-i", video, "-map", "0:v:0", "-frames:v", "1", "-q:v", "3",
                    poster])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
#pragma warning restore IDISP001
        return result.ExitCode == 0 && File.Exists(poster) && new FileInfo(poster).Length > 0;
    }
}
