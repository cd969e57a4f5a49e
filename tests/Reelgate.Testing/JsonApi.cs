using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Reelgate.Testing;

/// <summary>
/// Raw JSON calls to a running Reelgate, as any HTTP client of the public API makes them: every test project's
/// one way to post and read JSON, create keys, read jobs, wait for a job's status and walk paged lists.
/// </summary>
public static class JsonApi
{
    /// <summary>The statuses a job never leaves.</summary>
    public static readonly string[] FinalStatuses = ["completed", "failed", "cancelled"];

    /// <summary>POSTs the body as JSON (with an Idempotency-Key when given); the caller reads and disposes the response.</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, JsonNode body, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.RelativeOrAbsolute))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, cancellationToken);
    }

    /// <summary>POSTs the body as JSON and reads the answer's JSON object, whatever the status.</summary>
    public static async Task<(HttpStatusCode Status, JsonObject Json)> PostJsonAsync(
        HttpClient client, string path, JsonNode body, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        using var response = await PostAsync(client, path, body, cancellationToken, idempotencyKey);
        return (response.StatusCode, await ReadObjectAsync(response, cancellationToken));
    }

    /// <summary>GETs the path and reads the answer's JSON object, whatever the status.</summary>
    public static async Task<(HttpStatusCode Status, JsonObject Json)> GetJsonAsync(
        HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute), cancellationToken);
        return (response.StatusCode, await ReadObjectAsync(response, cancellationToken));
    }

    /// <summary>The response's body as a JSON object; throws, quoting the body, when it is not one.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"not a JSON object: {text}");
    }

    /// <summary>GETs a JSON object that must be there: throws <see cref="HttpRequestException"/> on any other status than 2xx.</summary>
    public static async Task<JsonObject> GetObjectAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        var (status, json) = await GetJsonAsync(client, path, cancellationToken);
        return (int)status is >= 200 and < 300
            ? json
            : throw new HttpRequestException($"GET {path} answered {(int)status}: {json.ToJsonString()}", null, status);
    }

    /// <summary>Creates a key through POST /v1/keys (the client holds an admin key); fails unless it answers 201.</summary>
    /// <param name="admin">A client sending an admin key.</param>
    /// <param name="key">The request: name, credits, and optionally admin and limits.</param>
    /// <param name="cancellationToken">The test's token.</param>
    public static async Task<(string Id, string Secret)> CreateKeyAsync(
        HttpClient admin,
        JsonObject key,
        CancellationToken cancellationToken)
    {
        var (status, created) = await PostJsonAsync(admin, "/v1/keys", key, cancellationToken);
        if (status != HttpStatusCode.Created)
        {
            throw new HttpRequestException($"POST /v1/keys answered {(int)status}: {created.ToJsonString()}", null, status);
        }

        return (created["id"]!.GetValue<string>(), created["key"]!.GetValue<string>());
    }

    /// <summary>GET /v1/jobs/{id}; throws <see cref="HttpRequestException"/> unless it answers 2xx.</summary>
    public static Task<JsonObject> GetJobAsync(HttpClient client, string jobId, CancellationToken cancellationToken) =>
        GetObjectAsync(client, $"/v1/jobs/{jobId}", cancellationToken);

    /// <summary>
    /// Polls GET /v1/jobs/{id} until the job's status is one of those given, and returns the job; fails once the timeout
    /// passes, quoting the last answer (an error answer counts as not yet).
    /// </summary>
    public static async Task<JsonObject> WaitForStatusAsync(
        HttpClient client, string jobId, TimeSpan timeout, CancellationToken cancellationToken, params string[] statuses)
    {
        JsonObject? last = null;
        return await Poll.UntilAsync(
            async () =>
            {
                (_, last) = await GetJsonAsync(client, $"/v1/jobs/{jobId}", cancellationToken);
                return statuses.Contains(last["status"]?.GetValue<string>()) ? last : null;
            },
            timeout,
            cancellationToken,
            () => $"job {jobId} did not become {string.Join("/", statuses)} (last seen: {last?.ToJsonString()})");
    }

    /// <summary>Polls the job until it is completed, failed or cancelled, and returns it; fails once the timeout passes.</summary>
    public static Task<JsonObject> WaitForFinalAsync(
        HttpClient client,
        string jobId,
        TimeSpan timeout,
        CancellationToken cancellationToken) =>
        WaitForStatusAsync(client, jobId, timeout, cancellationToken, FinalStatuses);

    /// <summary>Every row of a paged list (GET /v1/jobs, /v1/usage, ...) in the order the server pages them, following
    /// next_cursor.</summary>
    /// <param name="client">A client sending the key whose list it is.</param>
    /// <param name="path">The list's path with its query, e.g. "/v1/usage?limit=100".</param>
    /// <param name="cancellationToken">The test's token.</param>
    public static async Task<List<JsonObject>> ListAllAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        var rows = new List<JsonObject>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        string? cursor = null;
        do
        {
            var page = await GetObjectAsync(client, cursor is null ? path : $"{path}{separator}after={cursor}", cancellationToken);
            rows.AddRange(page["data"]!.AsArray().Select(row => row!.AsObject()));
            cursor = page["has_more"]?.GetValue<bool>() != false ? page["next_cursor"]?.GetValue<string>() : null;
        }
        while (cursor is not null);
        return rows;
    }

    /// <summary>A money amount of the API ("0.40") as a decimal.</summary>
    public static decimal Money(JsonNode node) => decimal.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);

    /// <summary>The URL of the completed job's first output of the type ("video" or "image").</summary>
    public static Uri OutputUrl(JsonObject job, string type) =>
        new(job["result"]!["outputs"]!.AsArray().First(o => o!["type"]!.GetValue<string>() == type)!["url"]!.GetValue<string>());
}
