using System.Threading.RateLimiting;
using Reelgate.Core.Keys;
using Reelgate.Server.Errors;

namespace Reelgate.Server.Auth;

/// <summary>
/// A key's requests-per-minute limit: a fixed one-minute window per key, on this node (each API node
/// counts for itself). Over the limit: 429 with Retry-After and the envelope.
/// </summary>
public static class KeyRateLimiting
{
    public static IServiceCollection AddKeyRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Items[ApiKeyClaims.KeyItem] is ApiKey { Limits.RequestsPerMinute: { } perMinute } key
                    ? RateLimitPartition.GetFixedWindowLimiter(key.Id, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var limit = (context.HttpContext.Items[ApiKeyClaims.KeyItem] as ApiKey)?.Limits.RequestsPerMinute;
                return new ValueTask(new ErrorResult(StatusCodes.Status429TooManyRequests,
                    new ErrorDetail("rate_limit_error", "rate_limited", $"this key may make {limit} requests a minute; retry after the Retry-After seconds", null),
                    wait).ExecuteAsync(context.HttpContext));
            };
        });
}
