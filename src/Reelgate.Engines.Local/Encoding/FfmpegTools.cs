using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Options;

namespace Reelgate.Engines.Local.Encoding;

/// <summary>A start-up check: ffmpeg and ffprobe run, and ffmpeg has the libx264 and aac encoders.</summary>
public sealed class FfmpegTools(IOptions<FfmpegOptions> options)
{
    private readonly FfmpegOptions _options = options.Value;

    /// <summary>One line saying what is wrong and how to fix it, or null when everything needed is there.</summary>
    public async Task<string?> FindProblemAsync(CancellationToken cancellationToken)
    {
        var ffmpeg = await RunAsync(_options.FfmpegPath, ["-hide_banner", "-encoders"], cancellationToken);
        if (ffmpeg is null)
        {
            return $"ffmpeg was not found at '{_options.FfmpegPath}': install it with `apt-get install ffmpeg` or set " +
                $"{FfmpegOptions.SectionName}:FfmpegPath";
        }

        var missing = new[] { ('V', "libx264"), ('A', "aac") }
            .Where(e => !HasEncoder(ffmpeg, e.Item1, e.Item2))
            .Select(e => e.Item2)
            .ToList();
        if (missing.Count > 0)
        {
            return $"ffmpeg at '{_options.FfmpegPath}' lacks the {string.Join(" and ", missing)} encoder(s): install Debian's ffmpeg " +
                $"(`apt-get install ffmpeg`) or point {FfmpegOptions.SectionName}:FfmpegPath at a build that has them";
        }

        var ffprobe = await RunAsync(_options.FfprobePath, ["-hide_banner", "-version"], cancellationToken);
        return ffprobe is null
            ? $"ffprobe was not found at '{_options.FfprobePath}': install it with `apt-get install ffmpeg` or set " +
                $"{FfmpegOptions.SectionName}:FfprobePath"
            : null;
    }

    /// <summary>Finds a line like " V....D libx264  libx264 H.264 ..." in `ffmpeg -encoders`.</summary>
    private static bool HasEncoder(string listing, char kind, string encoder) =>
        listing.Split('\n').Any(line =>
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 2 && parts[0].Length == 6 && parts[0][0] == kind
                && string.Equals(parts[1], encoder, StringComparison.Ordinal);
        });

    private static async Task<string?> RunAsync(string executable, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
#pragma warning disable IDISP001 // BufferedCommandResult is not IDisposable; the analyzer sees CommandTask's Dispose
            var result = await Cli.Wrap(executable)
                .WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);
#pragma warning restore IDISP001
            return result.ExitCode == 0 ? result.StandardOutput : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
