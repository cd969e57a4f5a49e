using Reelgate.Core;
using Reelgate.Core.Jobs;

namespace Reelgate.Engines.Upstream.Jobs;

/// <summary>
/// Job errors of the upstream engines: clear codes, the engine named, the provider's own code and message kept
/// for "upstream_error" (redacted of the key, shortened, control characters replaced).
/// </summary>
public static class UpstreamErrors
{
    public const string Moderation = "content_moderation";
    public const string InsufficientBalance = "upstream_insufficient_balance";
    public const string TimedOut = "timed_out";
    public const string OutputUnavailable = "output_unavailable";
    public const string OutputTooLarge = "output_too_large";
    public const string Unavailable = "upstream_unavailable";
    public const string RateLimited = "upstream_rate_limited";
    public const string Unauthorized = "upstream_unauthorized";
    public const string Error = "upstream_error";
    public const string Uncertain = "upstream_uncertain";
    public const string LeaseLost = "lease_lost";
    private const int MaxDetail = 400;

    public static JobError From(string engine, ProviderError error, string? secret) =>
        error.Kind switch
        {
            ProviderErrorKind.Moderation => new JobError(Moderation,
                $"{engine} refused the request by content moderation{Detail(error, secret)}; change the prompt or image and submit again"),
            ProviderErrorKind.InsufficientBalance => new JobError(InsufficientBalance,
                $"the {engine} account of this server is out of balance{Detail(error, secret)}; the operator must top it up"),
            ProviderErrorKind.RateLimited => new JobError(RateLimited,
                $"{engine} refused the job for its rate limit after retries{Detail(error, secret)}"),
            ProviderErrorKind.Unauthorized => new JobError(Unauthorized,
                $"{engine} refused this server's credentials{Detail(error, secret)}; the operator must check the key"),
            ProviderErrorKind.Unavailable => new JobError(Unavailable,
                $"{engine} could not be reached or failed{Detail(error, secret)}"),
            _ => new JobError(Error, $"{engine} error{Detail(error, secret)}"),
        };

    /// <summary>Text from a provider made safe for a job's error: the key removed, shortened, printable.</summary>
    public static string Redact(string text, string? secret)
    {
        var clean = text;
        if (!string.IsNullOrEmpty(secret))
        {
            clean = clean.Replace(secret, "[redacted]", StringComparison.Ordinal);
            foreach (var part in secret.Split(':'))
            {
                if (part.Length >= 8)
                {
                    clean = clean.Replace(part, "[redacted]", StringComparison.Ordinal);
                }
            }
        }

        clean = clean.Length > MaxDetail ? string.Concat(clean.AsSpan(0, MaxDetail - 3), "...") : clean;
        return string.Create(clean.Length, clean, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }

    private static string Detail(ProviderError error, string? secret)
    {
        var code = string.IsNullOrWhiteSpace(error.Code) ? null : Redact(error.Code, secret);
        var message = string.IsNullOrWhiteSpace(error.Message) ? null : Redact(error.Message, secret);
        return (code, message) switch
        {
            (null, null) => "",
            (null, _) => $" ({message})",
            (_, null) => $" (code {code})",
            _ => $" (code {code}: {message})",
        };
    }

    /// <summary>Quotes a value without control characters (for ids from a provider).</summary>
    public static string Quote(string value) => Failure.Printable(value);
}
