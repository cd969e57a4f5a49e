using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reelgate.Server.Features.Playground;

/// <summary>
/// Puts the product page's own cURL and Python on the submit and poll operations as <c>x-codeSamples</c>, which
/// the Scalar reference at /scalar/v1 shows before its generated examples. Only the base URL differs from the
/// seed: it is this server's (the document's first server, taken from the request).
/// </summary>
public sealed class SeedCodeSamples : IOpenApiDocumentTransformer
{
    public const string Extension = "x-codeSamples";
    public const string SubmitOperation = "CreateVideoGeneration";
    public const string PollOperation = "GetJob";
    public const string DefaultBaseUrl = "http://127.0.0.1:8080";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var baseUrl = document.Servers?.FirstOrDefault()?.Url?.TrimEnd('/') is { Length: > 0 } url ? url : DefaultBaseUrl;
        foreach (var path in document.Paths.Values)
        {
            foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                var samples = operation.OperationId switch
                {
                    SubmitOperation => Samples(("shell", "cURL", CurlSubmit(baseUrl)), ("python", "Python", Python(baseUrl))),
                    PollOperation => Samples(("shell", "cURL", CurlPoll(baseUrl)), ("python", "Python", Python(baseUrl))),
                    _ => null,
                };
                if (samples is not null)
                {
                    operation.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
                    operation.Extensions[Extension] = new JsonNodeExtension(samples);
                }
            }
        }

        return Task.CompletedTask;
    }

    public static string CurlSubmit(string baseUrl) => $$"""
        curl {{baseUrl}}/v1/videos/generations \
          -H "Authorization: Bearer $EMPIRIOLABS_API_KEY" \
          -H "Content-Type: application/json" \
          -d '{
            "model": "pixverse-v5-6",
            "prompt": "Describe what you want Pixverse v5.6 to generate."
          }'
        """;

    public static string CurlPoll(string baseUrl) => $$"""
        curl {{baseUrl}}/v1/jobs/JOB_ID \
          -H "Authorization: Bearer $EMPIRIOLABS_API_KEY"
        """;

    public static string Python(string baseUrl) => $$"""
        import requests

        response = requests.post(
            "{{baseUrl}}/v1/videos/generations",
            headers={"Authorization": "Bearer YOUR_EMPIRIOLABS_API_KEY"},
            json={
                "model": "pixverse-v5-6",
                "prompt": "Describe what you want Pixverse v5.6 to generate.",
            },
        )
        job = response.json()

        # Generation runs as an async job. Poll until it completes.
        import time
        while True:
            status = requests.get(
                f"{{baseUrl}}/v1/jobs/{job['job_id']}",
                headers={"Authorization": "Bearer YOUR_EMPIRIOLABS_API_KEY"},
            ).json()
            if status.get("status") in ("completed", "failed"):
                print(status)
                break
            time.sleep(5)
        """;

    private static JsonArray Samples(params (string Lang, string Label, string Source)[] samples) =>
        [.. samples.Select(s => new JsonObject { ["lang"] = s.Lang, ["label"] = s.Label, ["source"] = s.Source })];
}
