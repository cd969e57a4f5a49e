using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Reelgate.Engines.Upstream.Media;
using Reelgate.Imaging.Networking;

namespace Reelgate.Engines.Upstream.Http;

/// <summary>
/// The named HTTP clients: one per provider (its base URL, the standard resilience handler tuned from its
/// options) and one without credentials for downloading outputs, through the
/// guarded connector (public addresses only, but for the operator's <see cref="OutputFetchOptions.PrivateHosts"/>). A POST is retried on
/// every transient fault
/// only where the provider dedupes repeats by a trace or idempotency key; elsewhere only when the provider
/// certainly did not act on it (no connection, 429 or 503).
/// </summary>
internal static class ProviderClients
{
    public const string OutputClient = "reelgate-upstream-output";

    public static string NameOf(string engine) => "reelgate-upstream-" + engine;

    public static void Add<TOptions>(IServiceCollection services, string engine, bool postIsDeduplicated)
        where TOptions : UpstreamOptions
    {
        services.AddHttpClient(NameOf(engine), (sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                client.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/");
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
                Tune(resilience, sp.GetRequiredService<IOptions<TOptions>>().Value, postIsDeduplicated));
    }

    public static void AddOutputClient(IServiceCollection services)
    {
        // Guarded: the link comes from a provider's answer. No logging handlers: a media link's path is a credential.
        services.AddHttpClient(OutputClient, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<OutputFetchOptions>>().Value;
                return sp.GetRequiredService<GuardedHttpHandlerFactory>()
                    .Create(new PublicAddressPolicy(allowPrivateAddresses: false, options.PrivateHosts), options.ConnectTimeout);
            })
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(60);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(5);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(2);
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(500);
                resilience.Retry.MaxRetryAttempts = 3;

                // A refused address stays refused: no retry.
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome) && !IsRefusal(args.Outcome.Exception));
            });
    }

    private static bool IsRefusal(Exception? exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is RefusedAddressException)
            {
                return true;
            }
        }

        return false;
    }

    private static void Tune(HttpStandardResilienceOptions resilience, UpstreamOptions options, bool postIsDeduplicated)
    {
        resilience.AttemptTimeout.Timeout = options.RequestTimeout;
        resilience.TotalRequestTimeout.Timeout = (options.RequestTimeout * (options.Retries + 1)) + TimeSpan.FromMinutes(1);
        var sampling = options.RequestTimeout * 2;
        resilience.CircuitBreaker.SamplingDuration = sampling > TimeSpan.FromSeconds(30) ? sampling : TimeSpan.FromSeconds(30);
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.Retries);
        resilience.Retry.Delay = options.RetryDelay;
        resilience.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
            options.Retries > 0 && ShouldRetry(args.Outcome, args.Context.GetRequestMessage()?.Method, postIsDeduplicated));
    }

    /// <summary>Whether one HTTP call may be sent again after this outcome.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod? method, bool postIsDeduplicated)
    {
        var safe = method is null || method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;
        if (safe || postIsDeduplicated)
        {
            return HttpClientResiliencePredicates.IsTransient(outcome);
        }

        // 429 and 503 say the provider refused the request without acting on it; no connection means it never saw it.
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable })
        {
            return true;
        }

        return outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };
    }
}
