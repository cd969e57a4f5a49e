using Microsoft.Extensions.Options;

namespace Reelgate.Engines.Local.Encoding;

/// <summary>Refuses settings that cannot work, naming the key.</summary>
internal sealed class FfmpegOptionsValidator : IValidateOptions<FfmpegOptions>
{
    private const int MaxThreads = 64;

    public ValidateOptionsResult Validate(string? name, FfmpegOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.FfmpegPath))
        {
            failures.Add($"{FfmpegOptions.SectionName}:FfmpegPath must name the ffmpeg executable");
        }

        if (string.IsNullOrWhiteSpace(options.FfprobePath))
        {
            failures.Add($"{FfmpegOptions.SectionName}:FfprobePath must name the ffprobe executable");
        }

        if (!FfmpegOptions.Presets.Contains(options.Preset, StringComparer.Ordinal))
        {
            failures.Add($"{FfmpegOptions.SectionName}:Preset must be one of {string.Join(", ", FfmpegOptions.Presets)}");
        }

        if (options.Threads is < 0 or > MaxThreads)
        {
            failures.Add($"{FfmpegOptions.SectionName}:Threads must be between 0 (x264 chooses) and {MaxThreads}");
        }

        if (options.StopGracePeriod < TimeSpan.Zero || options.StopGracePeriod > TimeSpan.FromSeconds(10))
        {
            failures.Add($"{FfmpegOptions.SectionName}:StopGracePeriod must be between 00:00:00 and 00:00:10");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
