using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Core.Webhooks;
using Reelgate.Server.Configuration;
using Reelgate.Server.Features.Jobs;
using Reelgate.Server.Http;

namespace Reelgate.Server.Webhooks;

/// <summary>
/// Sends due webhook deliveries, signed per Standard Webhooks, through the same address guard as image
/// URLs (no private addresses unless allowed; redirects are not followed). Each attempt is recorded with
/// its status code; failures are retried on the schedule for at least 24 hours. Runs on every node; the
/// outbox's claim locks keep nodes from sending one delivery at once.
/// </summary>
public sealed partial class WebhookDispatcher(
    IWebhookStore webhooks,
    IJobStore jobs,
    JobResponseMapper mapper,
    IHttpClientFactory clients,
    IServer server,
    WebhookSignal signal,
    IOptions<WebhookOptions> options,
    IOptions<ReelgateOptions> serverOptions,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "Reelgate.Webhooks";
    private const int BatchSize = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await webhooks.ClaimDueAsync(time.GetUtcNow(), settings.Timeout * 2, BatchSize, stoppingToken);
                await Task.WhenAll(due.Select(delivery => SendAsync(delivery, settings, stoppingToken)));
                if (due.Count < BatchSize)
                {
                    await signal.WaitAsync(settings.PollInterval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbException e)
            {
                LogStoreError(logger, e);
                await Task.Delay(settings.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task SendAsync(DueDelivery delivery, WebhookOptions settings, CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        var attemptedAt = time.GetUtcNow();
        int? statusCode = null;
        string? error = null;
        var job = await jobs.GetAsync(delivery.JobId, stoppingToken);
        if (job is null || delivery.Secret is null)
        {
            error = job is null
                ? "the job no longer exists"
                : "the key has no webhook secret; rotate one with POST /v1/keys/{id}/webhook-secret";
        }
        else
        {
            var body = JsonSerializer.Serialize(mapper.Map(job, BaseUrl()), ApiJson.Options);
            var timestamp = attemptedAt.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSigner.IdHeader, delivery.Id);
            request.Headers.Add(WebhookSigner.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Sign(delivery.Secret, delivery.Id, timestamp, body));
            request.Headers.Add("User-Agent", "Reelgate-Webhooks/1");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(settings.Timeout);
            try
            {
                using var client = clients.CreateClient(HttpClientName);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                statusCode = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
            {
                error = e is OperationCanceledException ? $"no answer within {settings.Timeout.TotalSeconds:0} s" : e.Message;
            }
        }

        var attempt = new WebhookAttempt(attemptedAt, statusCode, error, time.GetElapsedTime(started));
        var next = attempt.Succeeded
            ? null
            : WebhookRetryPolicy.NextAttempt(settings.EffectiveRetrySchedule, delivery.Attempts + 1, attemptedAt);
        var status = attempt.Succeeded ? WebhookDeliveryRecord.Delivered
            : next is null ? WebhookDeliveryRecord.Failed
            : WebhookDeliveryRecord.Pending;
        await webhooks.RecordAttemptAsync(delivery.Id, attempt, status, next, CancellationToken.None);
        LogAttempt(logger, delivery.Id, delivery.JobId, delivery.EventType, statusCode, status);
    }

    private string BaseUrl()
    {
        var configured = serverOptions.Value.PublicUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return (address ?? "http://127.0.0.1:8080").TrimEnd('/');
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Webhook {DeliveryId} ({EventType} of {JobId}) answered {StatusCode}: {Status}")]
    private static partial void LogAttempt(
        ILogger logger, string deliveryId, string jobId, string eventType, int? statusCode, string status);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Webhook sender could not reach the store; retrying")]
    private static partial void LogStoreError(ILogger logger, Exception exception);
}
