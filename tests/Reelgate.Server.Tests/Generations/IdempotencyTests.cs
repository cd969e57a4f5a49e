using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Generations;

public sealed class IdempotencyTests(ApiOnlyApp app) : IClassFixture<ApiOnlyApp>
{
    private static async Task<(HttpStatusCode, JsonObject, HttpResponseMessage)> SubmitWithKeyAsync(
        HttpClient client,
        string idempotencyKey,
        JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/videos/generations")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await client.SendAsync(request, Api.Token);
        return (response.StatusCode, await Api.ReadObjectAsync(response), response);
    }

    [Fact]
    public async Task Submit_replays_the_first_job_when_the_key_and_body_repeat()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var (first, job, r1) = await SubmitWithKeyAsync(key.Client, "order-17", Api.Body("a cat"));
        r1.Dispose();
        first.ShouldBe(HttpStatusCode.Accepted);

        var (second, replay, r2) = await SubmitWithKeyAsync(key.Client, "order-17", Api.Body("a cat"));
        using (r2)
        {
            second.ShouldBe(HttpStatusCode.OK);
            r2.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        }

        replay["job_id"]!.GetValue<string>().ShouldBe(job["job_id"]!.GetValue<string>());
        replay["request"]!["seed"]!.GetValue<int>().ShouldBe(job["request"]!["seed"]!.GetValue<int>());
        (await Api.GetJsonAsync(key.Client, "/v1/balance")).Json["available"]!.GetValue<string>().ShouldBe("8.50");
        (await Api.GetJsonAsync(key.Client, "/v1/jobs")).Json["data"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Submit_returns_409_when_the_key_is_reused_with_another_body()
    {
        using var key = await app.CreateKeyAsync("10.00");
        (await SubmitWithKeyAsync(key.Client, "k1", Api.Body("a cat"))).Item3.Dispose();
        var (status, json, response) = await SubmitWithKeyAsync(key.Client, "k1", Api.Body("a dog"));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.Conflict, "invalid_request_error", "idempotency_key_reused");
        (await Api.GetJsonAsync(key.Client, "/v1/balance")).Json["available"]!.GetValue<string>().ShouldBe("8.50");
    }

    [Fact]
    public async Task Submit_scopes_idempotency_keys_to_the_api_key()
    {
        using var a = await app.CreateKeyAsync();
        using var b = await app.CreateKeyAsync();
        var (_, first, r1) = await SubmitWithKeyAsync(a.Client, "shared", Api.Body("a cat"));
        r1.Dispose();
        var (status, second, r2) = await SubmitWithKeyAsync(b.Client, "shared", Api.Body("a cat"));
        r2.Dispose();
        status.ShouldBe(HttpStatusCode.Accepted);
        second["job_id"]!.GetValue<string>().ShouldNotBe(first["job_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_makes_a_new_job_when_the_key_is_older_than_24_hours()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var (_, first, r1) = await SubmitWithKeyAsync(key.Client, "daily", Api.Body("a cat"));
        r1.Dispose();
        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var (status, second, r2) = await SubmitWithKeyAsync(key.Client, "daily", Api.Body("a cat"));
        r2.Dispose();
        status.ShouldBe(HttpStatusCode.Accepted);
        second["job_id"]!.GetValue<string>().ShouldNotBe(first["job_id"]!.GetValue<string>());
    }
}
