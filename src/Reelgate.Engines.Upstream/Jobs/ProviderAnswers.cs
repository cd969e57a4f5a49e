using System.Globalization;
using Reelgate.Engines.Upstream.Http;

namespace Reelgate.Engines.Upstream.Jobs;

/// <summary>
/// What a provider's HTTP answer means before its body is read, alike for every provider: the kind of error a status
/// stands for, and whether a poll's answer says "ask again later". Provider engines import it with <c>using static</c>.
/// </summary>
public static class ProviderAnswers
{
    /// <summary>The meaning of an HTTP status (or transport fault) when the body says nothing more specific.</summary>
    public static ProviderError ErrorFromStatus(ProviderResponse response, string? code, string? message)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsTransportFailure)
        {
            return new ProviderError(ProviderErrorKind.Unavailable, null, response.FaultMessage);
        }

        var kind = response.Status switch
        {
            401 or 403 => ProviderErrorKind.Unauthorized,
            402 => ProviderErrorKind.InsufficientBalance,
            429 => ProviderErrorKind.RateLimited,
            400 or 404 or 409 or 413 or 422 => ProviderErrorKind.Invalid,
            >= 500 => ProviderErrorKind.Unavailable,
            _ => ProviderErrorKind.Unknown,
        };
        return new ProviderError(kind, code ?? $"HTTP {response.Status.ToString(CultureInfo.InvariantCulture)}", message)
            { RetryAfter = response.RetryAfter };
    }

    /// <summary>A poll answer that is not a final word: network, 5xx, 429, a malformed body.</summary>
    public static PollResult.Transient TransientPoll(ProviderResponse response, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new PollResult.Transient(
            reason ?? (response.IsTransportFailure ? response.FaultMessage ?? "no answer"
                : $"HTTP {response.Status.ToString(CultureInfo.InvariantCulture)}"),
            response.RetryAfter);
    }

    /// <summary>Whether a poll answer's status means "ask again later" rather than a final refusal.</summary>
    public static bool IsTransientStatus(ProviderResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.IsTransportFailure || response.Status is 408 or 425 or 429 or >= 500;
    }
}
