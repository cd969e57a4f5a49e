using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Reelgate.Client.Downloads;
using Reelgate.Client.Http;
using Reelgate.Client.Models;
using Reelgate.Client.Waiting;

namespace Reelgate.Client;

/// <summary>
/// The Reelgate API from .NET: submit a generation, follow it (events or polling), download the video with
/// resume, upload images, read prices, balance and usage, and manage keys (admin). Thread-safe; make one and
/// share it, or hand it an <see cref="HttpClient"/> from <c>IHttpClientFactory</c>. Every failure is a
/// <see cref="ReelgateException"/>.
/// </summary>
public sealed class ReelgateClient : IDisposable
{
    private readonly ApiTransport _transport;
    private readonly JobWaiter _waiter;
    private readonly FileDownloader _downloader;

    /// <summary>A client configured from the environment (see <see cref="ReelgateClientOptions.FromEnvironment()"/>).</summary>
    public ReelgateClient()
        : this(ReelgateClientOptions.FromEnvironment())
    {
    }

    public ReelgateClient(ReelgateClientOptions options)
        : this(null, options)
    {
    }

    /// <summary>
    /// A client over the caller's <see cref="HttpClient"/>, which it does not dispose. With no options, the
    /// environment's are used, and the HttpClient's BaseAddress when it has one.
    /// </summary>
    public ReelgateClient(HttpClient? httpClient, ReelgateClientOptions? options = null)
    {
        if (options is null)
        {
            options = ReelgateClientOptions.FromEnvironment();
            if (httpClient?.BaseAddress is { } fromHttp)
            {
                options.BaseAddress = fromHttp;
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        _transport = new ApiTransport(httpClient, options);
        _waiter = new JobWaiter(_transport);
        _downloader = new FileDownloader(_transport);
    }

    public ReelgateClientOptions Options => _transport.Options;

    /// <summary>
    /// POST /v1/videos/generations: validates, holds the price and queues the job; returns it at once (queued).
    /// Sends <paramref name="idempotencyKey"/>, or a fresh one when null (unless <see cref="ReelgateClientOptions.AutoIdempotencyKeys"/>
    /// is off), so a retry after a lost answer returns the same job instead of making a second.
    /// </summary>
    public async Task<Job> GenerateAsync(
        GenerationRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = idempotencyKey ?? (Options.AutoIdempotencyKeys ? NewIdempotencyKey() : null);
        var headers = key is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { ["Idempotency-Key"] = key };
        return await _transport.SendJsonAsync<Job>(HttpMethod.Post, "v1/videos/generations", request, headers,
            key is null ? RetryMode.RefusedOnly : RetryMode.Safe, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits, then waits for a final state: the one call the seed's poll loop stands for.</summary>
    public async Task<Job> GenerateAndWaitAsync(GenerationRequest request, WaitOptions? options = null, IProgress<Job>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var job = await GenerateAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await WaitAsync(job.JobId, options, progress, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Job> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        await _transport.GetJsonAsync<Job>(JobPath(jobId), cancellationToken).ConfigureAwait(false);

    /// <summary>One page of the key's jobs, newest first.</summary>
    public async Task<Page<Job>> ListJobsPageAsync(
        int? limit = null, string? after = null, JobStatus? status = null, CancellationToken cancellationToken = default) =>
        await _transport.GetJsonAsync<Page<Job>>(
            "v1/jobs" + Query(("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("after", after), ("status", status?.Value)),
                cancellationToken).ConfigureAwait(false);

    /// <summary>Every job of the key, newest first, fetched page by page as the caller reads on.</summary>
    public async IAsyncEnumerable<Job> ListJobsAsync(
        JobStatus? status = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        do
        {
            var page = await ListJobsPageAsync(pageSize, after, status, cancellationToken).ConfigureAwait(false);
            foreach (var job in page.Data)
            {
                yield return job;
            }

            after = page.HasMore ? page.NextCursor : null;
        }
        while (after is not null);
    }

    /// <summary>Cancels a queued or processing job (its hold is released); 409 when it is already final.</summary>
    public async Task<Job> CancelAsync(string jobId, CancellationToken cancellationToken = default) =>
        await _transport.SendJsonAsync<Job>(HttpMethod.Post, JobPath(jobId) + "/cancel", body: null, headers: null, RetryMode.Safe,
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Follows the job until it is completed, failed or cancelled and returns it (check <see cref="Job.Status"/>).
    /// Uses the job's event stream when the server has one, else polls with backoff; reports each change of
    /// status or progress. Cancelling <paramref name="cancellationToken"/> stops waiting, not the job.
    /// </summary>
    public async Task<Job> WaitAsync(
        string jobId, WaitOptions? options = null, IProgress<Job>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        return await _waiter.WaitAsync(jobId, options ?? new WaitOptions(), progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The webhook deliveries of a job's events, with every attempt.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string jobId, CancellationToken cancellationToken = default) =>
        (await _transport.GetJsonAsync<ResourceList<WebhookDelivery>>(JobPath(jobId) + "/deliveries", cancellationToken).ConfigureAwait(
            false)).Data;

    /// <summary>Queues a delivery again; answers the job's deliveries.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> RedeliverAsync(
        string jobId, string deliveryId, CancellationToken cancellationToken = default) =>
        (await _transport.SendJsonAsync<ResourceList<WebhookDelivery>>(
            HttpMethod.Post, $"{JobPath(jobId)}/deliveries/{Uri.EscapeDataString(deliveryId)}/redeliver",
            body: null, headers: null, RetryMode.RefusedOnly, cancellationToken).ConfigureAwait(false)).Data;

    /// <summary>Downloads a completed job's video to <paramref name="path"/>, resuming after interruptions.</summary>
    public async Task<DownloadResult> DownloadAsync(
        Job job, string path, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var video = job.Video ?? throw new ReelgateException(null, ReelgateErrorTypes.InvalidRequest, "no_output",
            $"job {job.JobId} is {job.Status} and has no video to download");
        return await DownloadAsync(new Uri(video.Url), path, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads any output URL to <paramref name="path"/> (written as NAME.part, renamed when whole), resuming with
    /// Range.</summary>
    public async Task<DownloadResult> DownloadAsync(
        Uri url, string path, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return await _downloader.DownloadAsync(
            url.IsAbsoluteUri ? url : _transport.Resolve(url.OriginalString), path, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST /v1/uploads: stores an image (JPEG, PNG or WebP, ≤ 50 MiB); pass the returned id as image or image_end.</summary>
    public async Task<Upload> UploadAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var start = content.CanSeek ? content.Position : 0;
        using var response = await _transport.SendAsync(
            () =>
            {
                if (content.CanSeek)
                {
                    content.Position = start;
                }

#pragma warning disable IDISP001 // The form owns the part, and the request owns the form.
                var file = new StreamContent(new NonClosingStream(content));
#pragma warning restore IDISP001
                file.Headers.ContentType = new MediaTypeHeaderValue(ImageContentType(fileName));
                var form = new MultipartFormDataContent { { file, "file", Path.GetFileName(fileName) } };
                return new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("v1/uploads")) { Content = form };
            },
            content.CanSeek ? RetryMode.Safe : RetryMode.RefusedOnly,
            cancellationToken).ConfigureAwait(false);
        return await ApiTransport.ReadJsonAsync<Upload>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Upload> UploadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            return await UploadAsync(file, path, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<ModelCard>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        (await _transport.GetJsonAsync<ResourceList<ModelCard>>("v1/models", cancellationToken).ConfigureAwait(false)).Data;

    public async Task<ModelCard> GetModelAsync(string modelId, CancellationToken cancellationToken = default) =>
        await _transport.GetJsonAsync<ModelCard>("v1/models/" + Uri.EscapeDataString(modelId), cancellationToken).ConfigureAwait(false);

    /// <summary>GET /v1/pricing: every model's rate card.</summary>
    public async Task<IReadOnlyList<RateCard>> GetPricingAsync(CancellationToken cancellationToken = default) =>
        (await _transport.GetJsonAsync<ResourceList<RateCard>>("v1/pricing", cancellationToken).ConfigureAwait(false)).Data;

    /// <summary>POST /v1/pricing/quote: the price of a request without running it (the same 422 a submit would give).</summary>
    public async Task<Quote> QuoteAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
        await _transport.SendJsonAsync<Quote>(
            HttpMethod.Post, "v1/pricing/quote", request, headers: null, RetryMode.Safe, cancellationToken).ConfigureAwait(false);

    public async Task<Balance> GetBalanceAsync(CancellationToken cancellationToken = default) =>
        await _transport.GetJsonAsync<Balance>("v1/balance", cancellationToken).ConfigureAwait(false);

    /// <summary>The key's ledger rows, newest first, page by page.</summary>
    public async IAsyncEnumerable<UsageEntry> ListUsageAsync(
        int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        do
        {
            var path = "v1/usage" + Query(("limit", pageSize?.ToString(CultureInfo.InvariantCulture)), ("after", after));
            var page = await _transport.GetJsonAsync<Page<UsageEntry>>(path, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Data)
            {
                yield return entry;
            }

            after = page.HasMore ? page.NextCursor : null;
        }
        while (after is not null);
    }

    /// <summary>Admin: creates a key; <see cref="ApiKey.Key"/> holds the secret in this answer only. Not retried (it is not
    /// idempotent).</summary>
    public async Task<ApiKey> CreateKeyAsync(CreateKeyRequest request, CancellationToken cancellationToken = default) =>
        await _transport.SendJsonAsync<ApiKey>(
            HttpMethod.Post, "v1/keys", request, headers: null, RetryMode.RefusedOnly, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        (await _transport.GetJsonAsync<ResourceList<ApiKey>>("v1/keys", cancellationToken).ConfigureAwait(false)).Data;

    public async Task<ApiKey> GetKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        await _transport.GetJsonAsync<ApiKey>(KeyPath(keyId), cancellationToken).ConfigureAwait(false);

    /// <summary>Admin: revokes a key; it stops working at once.</summary>
    public async Task<ApiKey> RevokeKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        await _transport.SendJsonAsync<ApiKey>(
            HttpMethod.Delete, KeyPath(keyId), body: null, headers: null, RetryMode.Safe, cancellationToken).ConfigureAwait(false);

    /// <summary>Admin: adds credit (USD) to a key and returns its new balance. Not retried (it is not idempotent).</summary>
    public async Task<Balance> AddCreditsAsync(string keyId, decimal amount, CancellationToken cancellationToken = default) =>
        await _transport.SendJsonAsync<Balance>(HttpMethod.Post, KeyPath(keyId) + "/credits", new AddCreditsRequest(amount), headers: null,
            RetryMode.RefusedOnly, cancellationToken).ConfigureAwait(false);

    /// <summary>Admin: sets the key's default webhook URL (used when a request names none), or clears it with null.</summary>
    public async Task<ApiKey> SetKeyWebhookAsync(string keyId, string? url, CancellationToken cancellationToken = default) =>
        await _transport.SendJsonAsync<ApiKey>(HttpMethod.Put, KeyPath(keyId) + "/webhook", new KeyWebhookRequest(url), headers: null,
            RetryMode.Safe, cancellationToken).ConfigureAwait(false);

    /// <summary>Admin: replaces the key's webhook signing secret; the new one is in this answer only. Not retried.</summary>
    public async Task<WebhookSecretRotation> RotateWebhookSecretAsync(string keyId, CancellationToken cancellationToken = default) =>
        await _transport.SendJsonAsync<WebhookSecretRotation>(HttpMethod.Post, KeyPath(keyId) + "/webhook-secret", body: null,
            headers: null, RetryMode.RefusedOnly, cancellationToken).ConfigureAwait(false);

    /// <summary>Admin: the keys that sign output URLs, oldest first.</summary>
    public async Task<IReadOnlyList<SigningKey>> ListSigningKeysAsync(CancellationToken cancellationToken = default) =>
        (await _transport.GetJsonAsync<ResourceList<SigningKey>>("v1/signing-keys", cancellationToken).ConfigureAwait(false)).Data;

    /// <summary>Admin: adds a signing key, which signs every new output URL from now on. Not retried.</summary>
    public async Task<SigningKey> AddSigningKeyAsync(CancellationToken cancellationToken = default) =>
        await _transport.SendJsonAsync<SigningKey>(
            HttpMethod.Post, "v1/signing-keys", body: null, headers: null, RetryMode.RefusedOnly, cancellationToken).ConfigureAwait(false);

    /// <summary>Admin: retires a signing key; links it signed stop working. Refused (409) before they expired unless forced.</summary>
    public async Task<SigningKey> RetireSigningKeyAsync(string keyId, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        var path = "v1/signing-keys/" + Uri.EscapeDataString(keyId) + "/retire" + (force ? "?force=true" : "");
        return await _transport.SendJsonAsync<SigningKey>(
            HttpMethod.Post, path, body: null, headers: null, RetryMode.Safe, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _transport.Dispose();

    /// <summary>
    /// A fresh Idempotency-Key: a UUIDv7, a millisecond timestamp then 74 random bits. The keys a client sends sort by
    /// time, so the server's index of them grows at one end: random keys cost PostgreSQL about 19 µs more a submission
    /// once that index holds a million (docs/benchmarks.md).
    /// </summary>
    public static string NewIdempotencyKey() => "rgc_" + Guid.CreateVersion7().ToString("N");

    /// <summary>A hint from the name only; the server reads the format from the bytes.</summary>
    private static string ImageContentType(string fileName) => Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".JPG" or ".JPEG" => "image/jpeg",
        ".PNG" => "image/png",
        ".WEBP" => "image/webp",
        _ => "application/octet-stream",
    };

    private static string JobPath(string jobId)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        return "v1/jobs/" + Uri.EscapeDataString(jobId);
    }

    private static string KeyPath(string keyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        return "v1/keys/" + Uri.EscapeDataString(keyId);
    }

    private static string Query(params (string Name, string? Value)[] pairs)
    {
        var present = pairs.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? string.Empty : "?" + string.Join('&', present);
    }
}
