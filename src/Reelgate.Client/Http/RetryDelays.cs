using System.Net;
using System.Net.Http.Headers;

namespace Reelgate.Client.Http;

/// <summary>Backoff with jitter, and the server's Retry-After when it gave one.</summary>
internal sealed class RetryDelays(ReelgateClientOptions options)
{
    /// <summary>Exponential from the initial delay, capped, then jittered into its upper half (so clients spread out).</summary>
    public TimeSpan Backoff(int retry)
    {
        var ceiling = Math.Min(options.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 16)),
            options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    /// <summary>Retry-After as delta seconds or an HTTP date, measured on the client's clock; null when absent.</summary>
    public TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return RetryAfter(response.Headers.RetryAfter, options.TimeProvider);
    }

    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    public static bool IsRetryableStatus(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout;
}
