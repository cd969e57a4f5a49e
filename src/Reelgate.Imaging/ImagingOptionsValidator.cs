using Microsoft.Extensions.Options;

namespace Reelgate.Imaging;

/// <summary>Stops the host at start when an imaging setting is out of range, naming the key.</summary>
internal sealed class ImagingOptionsValidator : IValidateOptions<ImagingOptions>
{
    public ValidateOptionsResult Validate(string? name, ImagingOptions options)
    {
        var failures = new List<string>();
        if (options.FetchTimeout <= TimeSpan.Zero || options.FetchTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{ImagingOptions.SectionName}:{nameof(ImagingOptions.FetchTimeout)} must be more than 0 and at most 00:05:00 " +
                $"(got {options.FetchTimeout})");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{ImagingOptions.SectionName}:{nameof(ImagingOptions.ConnectTimeout)} must be more than 0 and at most 00:05:00 " +
                $"(got {options.ConnectTimeout})");
        }

        if (options.NormalizeTimeout <= TimeSpan.Zero || options.NormalizeTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{ImagingOptions.SectionName}:{nameof(ImagingOptions.NormalizeTimeout)} must be more than 0 and at most " +
                $"00:10:00 (got {options.NormalizeTimeout})");
        }

        if (options.MaxConcurrentDecodes is < 1 or > 64)
        {
            failures.Add($"{ImagingOptions.SectionName}:{nameof(ImagingOptions.MaxConcurrentDecodes)} must be between 1 and 64 (got " +
                $"{options.MaxConcurrentDecodes})");
        }

        if (options.MaxQueuedDecodes is < 0 or > 10_000)
        {
            failures.Add($"{ImagingOptions.SectionName}:{nameof(ImagingOptions.MaxQueuedDecodes)} must be between 0 and 10000 (got " +
                $"{options.MaxQueuedDecodes})");
        }

        if (options.ScratchDirectory is { } scratch && (scratch.Length == 0 || !Path.IsPathFullyQualified(scratch)))
        {
            failures.Add($"{ImagingOptions.SectionName}:{nameof(ImagingOptions.ScratchDirectory)} must be an absolute path (got " +
                $"'{scratch}')");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
