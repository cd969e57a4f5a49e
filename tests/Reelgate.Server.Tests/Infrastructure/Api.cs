using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Reelgate.Server.Tests.Infrastructure;

/// <summary>Calls and assertions the API tests share: submit, poll, and the error envelope.</summary>
public static class Api
{
    public const string Model = "pixverse-v5-6";

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static JsonObject Body(string prompt = "a red fox in the snow", params (string Key, JsonNode? Value)[] fields)
    {
        var body = new JsonObject { ["model"] = Model, ["prompt"] = prompt };
        foreach (var (key, value) in fields)
        {
            body[key] = value;
        }

        return body;
    }

    public static async Task<(HttpStatusCode Status, JsonObject Json, HttpResponseMessage Response)> PostJsonAsync(HttpClient client, string path, JsonNode body)
    {
        var response = await client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), Token);
        return (response.StatusCode, await ReadObjectAsync(response), response);
    }

    public static async Task<(HttpStatusCode Status, JsonObject Json)> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Token);
        return (response.StatusCode, await ReadObjectAsync(response));
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Token);
        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"not a JSON object: {text}");
    }

    /// <summary>Submits and asserts 202; returns the job object.</summary>
    public static async Task<JsonObject> SubmitAsync(HttpClient client, JsonObject body)
    {
        var (status, json, response) = await PostJsonAsync(client, "/v1/videos/generations", body);
        response.Dispose();
        status.ShouldBe(HttpStatusCode.Accepted, json.ToJsonString());
        return json;
    }

    /// <summary>Polls the job until its status is one of those given, or fails after the deadline.</summary>
    public static async Task<JsonObject> WaitForAsync(HttpClient client, string jobId, TimeSpan timeout, params string[] statuses)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var (_, job) = await GetJsonAsync(client, $"/v1/jobs/{jobId}");
            var status = job["status"]?.GetValue<string>();
            if (statuses.Contains(status))
            {
                return job;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"job {jobId} is {status}, not {string.Join("/", statuses)}, after {timeout}: {job.ToJsonString()}");
            }

            await Task.Delay(50, Token);
        }
    }

    /// <summary>Asserts the contract's error envelope: status, type, code and param, and JSON content type.</summary>
    public static void ShouldBeError(this (HttpStatusCode Status, JsonObject Json) answer, HttpStatusCode status, string type, string? code = null, string? param = null)
    {
        answer.Status.ShouldBe(status, answer.Json.ToJsonString());
        var error = answer.Json["error"].ShouldBeOfType<JsonObject>();
        error["type"]!.GetValue<string>().ShouldBe(type);
        if (code is not null)
        {
            error["code"]!.GetValue<string>().ShouldBe(code, answer.Json.ToJsonString());
        }

        if (param is not null)
        {
            error["param"]?.GetValue<string>().ShouldBe(param, answer.Json.ToJsonString());
        }

        error["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        error.ContainsKey("param").ShouldBeTrue();
        answer.Json.Count.ShouldBe(1);
    }
}
