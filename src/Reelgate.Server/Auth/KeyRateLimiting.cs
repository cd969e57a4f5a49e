using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Reelgate.Core.Keys;
using Reelgate.Server.Configuration;
using Reelgate.Server.Errors;

namespace Reelgate.Server.Auth;

/// <summary>
/// Request rates, each a fixed one-minute window on this node (each API node counts for itself): a key's own
/// requests-per-minute limit; requests without a key, per client address; and requests whose key was refused,
/// per client address with a lower limit, so guessing keys is slow. Over a limit: 429 with Retry-After and the
/// envelope. Runs after authentication (it needs to know the key) and before authorization (a refused key is
/// counted before it is answered 401).
/// </summary>
public static class KeyRateLimiting
{
    private const string AnonymousPartition = "anonymous:";
    private const string FailedPartition = "failed:";

    public static IServiceCollection AddKeyRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((options, limits) =>
        {
            var anonymous = limits.Value.AnonymousRequestsPerMinute;
            var failed = limits.Value.FailedAuthenticationsPerMinute;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Items[ApiKeyClaims.KeyItem] is ApiKey key)
                {
                    // The limit is part of the partition, so a changed limit takes effect with the key's next read.
                    return key.Limits.RequestsPerMinute is { } perMinute
                        ? RateLimitPartition.GetFixedWindowLimiter($"key:{key.Id}:{perMinute}", _ => PerMinute(perMinute))
                        : RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var refused = ApiKeyAuthenticationHandler.PresentedRefusedCredential(context);
                var limit = refused ? failed : anonymous;
                return limit == 0
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter(
                        (refused ? FailedPartition : AnonymousPartition) + ClientAddress(context), _ => PerMinute(limit));
            });
            options.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var (code, message) = http.Items[ApiKeyClaims.KeyItem] is ApiKey key
                    ? ("rate_limited",
                        $"this key may make {key.Limits.RequestsPerMinute} requests a minute; retry after the Retry-After seconds")
                    : ApiKeyAuthenticationHandler.PresentedRefusedCredential(http)
                        ? ("too_many_failed_authentications",
                            $"more than {failed} requests a minute from this address sent a refused API key; " +
                            "retry after the Retry-After seconds")
                        : ("rate_limited", $"more than {anonymous} requests a minute from this address came without an API key; " +
                            "send your key, or retry after the Retry-After seconds");
                return new ValueTask(new ErrorResult(StatusCodes.Status429TooManyRequests,
                    new ErrorDetail("rate_limit_error", code, message, null), wait).ExecuteAsync(http));
            };
        });
        return services;
    }

    /// <summary>The client's address as a partition: an IPv4 address, or the /64 an IPv6 address is in
    /// (one host usually holds a whole /64).</summary>
    public static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };
}
