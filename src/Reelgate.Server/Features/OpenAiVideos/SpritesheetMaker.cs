using System.Globalization;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Options;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Engines.Local.Encoding;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>
/// The <c>spritesheet</c> variant: frames taken evenly over the stored video, tiled columns × rows into one JPEG by
/// ffmpeg. Made on first request from the video in the blob store and stored beside it (the job's outputs folder,
/// so retention and DELETE remove it with the rest).
/// </summary>
public sealed partial class SpritesheetMaker(
    IBlobStore blobs,
    IOptions<FfmpegOptions> ffmpeg,
    IOptions<OpenAiVideoOptions> options,
    IOptions<ReelgateOptions> server,
    ILogger<SpritesheetMaker> logger)
{
    public const string ContentType = "image/jpeg";

    public static string BlobKeyOf(string jobId) => $"outputs/{jobId}/spritesheet.jpg";

    /// <summary>
    /// The spritesheet of the job's video, made now if it is not stored yet; null when the video is gone or ffmpeg fails.
    /// </summary>
    public async Task<BlobContent?> OpenAsync(string jobId, JobOutput video, CancellationToken cancellationToken)
    {
        var key = BlobKeyOf(jobId);
        if (await blobs.OpenReadAsync(key, cancellationToken) is { } stored)
        {
            return stored;
        }

        var scratch = server.Value.DataPath("work", $"spritesheet-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            var input = Path.Combine(scratch, "video.mp4");
            await using (var source = await blobs.OpenReadAsync(video.BlobKey, cancellationToken))
            {
                if (source is null)
                {
                    return null;
                }

                await using var file = new FileStream(input, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                await source.Stream.CopyToAsync(file, cancellationToken);
            }

            var output = Path.Combine(scratch, "spritesheet.jpg");
#pragma warning disable IDISP001 // BufferedCommandResult is not IDisposable; the analyzer sees CommandTask's Dispose
            var result = await Cli.Wrap(ffmpeg.Value.FfmpegPath)
                .WithArguments(Arguments(input, output, video))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);
#pragma warning restore IDISP001
            if (result.ExitCode != 0 || !File.Exists(output))
            {
                LogFailed(logger, jobId, result.ExitCode, result.StandardError);
                return null;
            }

            await blobs.PutFileAsync(key, output, ContentType, cancellationToken);
            return await blobs.OpenReadAsync(key, cancellationToken);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private IReadOnlyList<string> Arguments(string input, string output, JobOutput video)
    {
        var settings = options.Value;
        var frames = settings.SpritesheetColumns * settings.SpritesheetRows;
        var duration = video.DurationSeconds is > 0 ? video.DurationSeconds.Value : 1;
        var (width, height) = TileSize(video.Width, video.Height, settings.SpritesheetTileSize);
        var rate = (frames / duration).ToString("0.######", CultureInfo.InvariantCulture);
        var filter = $"fps={rate},scale={width}:{height},tile={settings.SpritesheetColumns}x{settings.SpritesheetRows}";
        return ["-v", "error", "-nostdin", "-y", "-i", input, "-map", "0:v:0", "-vf", filter, "-frames:v", "1", "-q:v", "4", output];
    }

    /// <summary>A tile with the video's aspect, its longer side <paramref name="longSide"/>, both sides even.</summary>
    public static (int Width, int Height) TileSize(int width, int height, int longSide)
    {
        static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2, MidpointRounding.AwayFromZero) * 2);
        return width >= height
            ? (Even(longSide), Even(longSide * (double)height / Math.Max(1, width)))
            : (Even(longSide * (double)width / Math.Max(1, height)), Even(longSide));
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning,
        Message = "The spritesheet of job {JobId} could not be made (ffmpeg exit {ExitCode}): {Error}")]
    private static partial void LogFailed(ILogger logger, string jobId, int exitCode, string error);
}
