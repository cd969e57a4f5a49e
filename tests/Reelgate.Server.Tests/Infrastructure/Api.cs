using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.Infrastructure;

/// <summary>The API tests' shorthand over <see cref="JsonApi"/> on the test's token, and their assertions: submit, the error
/// envelope.</summary>
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

    /// <summary><see cref="JsonApi.PostAsync"/> on the test's token; the caller disposes the response.</summary>
    public static async Task<(HttpStatusCode Status, JsonObject Json, HttpResponseMessage Response)> PostJsonAsync(
        HttpClient client, string path, JsonNode body)
    {
        var response = await JsonApi.PostAsync(client, path, body, Token);
        return (response.StatusCode, await ReadObjectAsync(response), response);
    }

    public static Task<(HttpStatusCode Status, JsonObject Json)> GetJsonAsync(HttpClient client, string path) =>
        JsonApi.GetJsonAsync(client, path, Token);

    public static Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) => JsonApi.ReadObjectAsync(response, Token);

    /// <summary>Submits and asserts 202; returns the job object.</summary>
    public static async Task<JsonObject> SubmitAsync(HttpClient client, JsonObject body)
    {
        var (status, json, response) = await PostJsonAsync(client, "/v1/videos/generations", body);
        response.Dispose();
        status.ShouldBe(HttpStatusCode.Accepted, json.ToJsonString());
        return json;
    }

    /// <summary><see cref="JsonApi.WaitForStatusAsync"/> on the test's token.</summary>
    public static Task<JsonObject> WaitForAsync(HttpClient client, string jobId, TimeSpan timeout, params string[] statuses) =>
        JsonApi.WaitForStatusAsync(client, jobId, timeout, Token, statuses);

    /// <summary>Asserts the contract's error envelope: status, type, code and param, and JSON content type.</summary>
    public static void ShouldBeError(
        this (HttpStatusCode Status, JsonObject Json) answer,
        HttpStatusCode status,
        string type,
        string? code = null,
        string? param = null)
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
