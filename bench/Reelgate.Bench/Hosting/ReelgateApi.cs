using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Reelgate.Bench.Hosting;

/// <summary>The few API calls the benchmark makes outside the load generator: make a key, submit, read a job.</summary>
internal sealed class ReelgateApi : IDisposable
{
    private readonly HttpClient _http;

    public ReelgateApi(Uri baseAddress, string key)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    /// <summary>A request body for the cheapest job: 360p, 5 s, no audio.</summary>
    public static string CheapJobBody(int? seed = null) =>
        "{\"model\":\"pixverse-v5-6\",\"prompt\":\"a red fox running through a snowy forest at " +
            "dusk\",\"resolution\":\"360p\",\"duration\":5,\"audio\":false"
        + (seed is { } s ? $",\"seed\":{s}" : string.Empty) + "}";

    /// <summary>POST /v1/keys with the admin key: a non-admin key with plenty of credit; returns the secret.</summary>
    public async Task<string> CreateKeyAsync(string name, CancellationToken cancellationToken)
    {
        using var content = new StringContent($"{{\"name\":\"{name}\",\"credits\":\"1000000.00\"}}", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri("/v1/keys", UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /v1/keys answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("key").GetString()!;
    }

    /// <summary>POST /v1/videos/generations; returns the job's JSON exactly as the server wrote it (202 expected).</summary>
    public async Task<string> SubmitAsync(string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri("/v1/videos/generations", UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /v1/videos/generations answered {(int)response.StatusCode}: {text}");
        }

        return text;
    }

    /// <summary>GET /v1/jobs/{id}: the job's JSON.</summary>
    public async Task<JsonDocument> GetJobAsync(string jobId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"/v1/jobs/{jobId}", UriKind.Relative), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /v1/jobs/{jobId} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text);
    }

    /// <summary>GET of a text resource (/metrics with the admin key): the body.</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? text : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>Downloads a URL (an output's signed URL) to a file.</summary>
    public async Task DownloadAsync(Uri url, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var file = File.Create(path);
        await response.Content.CopyToAsync(file, cancellationToken);
    }

    public static string JobId(string jobJson)
    {
        using var json = JsonDocument.Parse(jobJson);
        return json.RootElement.GetProperty("job_id").GetString()!;
    }

    public void Dispose() => _http.Dispose();
}
