using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Limits;

/// <summary>New keys get the deployment's default limits; admins raise or clear them with PATCH /v1/keys/{id}/limits.</summary>
public sealed class KeyLimitDefaultsTests(KeyLimitDefaultsTests.DefaultsApp app) : IClassFixture<KeyLimitDefaultsTests.DefaultsApp>
{
    /// <summary>The app with small default limits and no workers (jobs stay in flight).</summary>
    public sealed class DefaultsApp : ReelgateApp
    {
        protected override int Workers => 0;

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Reelgate:Limits:Defaults:RequestsPerMinute"] = "5",
            ["Reelgate:Limits:Defaults:JobsInFlight"] = "2",
            ["Reelgate:Limits:Defaults:UploadBytes"] = "10000000",
        };
    }

    [Fact]
    public async Task Create_gives_the_default_limits_when_the_request_leaves_them_out_and_none_when_it_says_null()
    {
        using var plain = await app.CreateKeyAsync();
        using var chosen = await app.CreateKeyAsync(limits: new JsonObject { ["jobs_in_flight"] = null, ["requests_per_minute"] = 100 });
        using var admin = app.Admin();

        var (_, first) = await Api.GetJsonAsync(admin, $"/v1/keys/{plain.Id}");
        var (_, second) = await Api.GetJsonAsync(admin, $"/v1/keys/{chosen.Id}");

        first["limits"]!.ToJsonString().ShouldBe(
            """{"spend_per_day":null,"jobs_in_flight":2,"requests_per_minute":5,"upload_bytes":10000000}""");
        second["limits"]!.ToJsonString().ShouldBe(
            """{"spend_per_day":null,"jobs_in_flight":null,"requests_per_minute":100,"upload_bytes":10000000}""");
    }

    [Fact]
    public async Task Key_gets_429_past_its_default_requests_a_minute_and_passes_once_an_admin_clears_the_limit()
    {
        using var key = await app.CreateKeyAsync();
        for (var i = 0; i < 5; i++)
        {
            (await Api.GetJsonAsync(key.Client, "/v1/balance")).Status.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await key.Client.GetAsync("/v1/balance", Api.Token);
        (refused.StatusCode, await Api.ReadObjectAsync(refused)).ShouldBeError(
            HttpStatusCode.TooManyRequests,
            "rate_limit_error",
            "rate_limited");
        int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);

        using var admin = app.Admin();
        var (status, patched) = await PatchAsync(admin, key.Id, """{"requests_per_minute": null}""");
        status.ShouldBe(HttpStatusCode.OK, patched.ToJsonString());
        patched["limits"]!["requests_per_minute"].ShouldBeNull();
        patched["limits"]!["jobs_in_flight"]!.GetValue<int>().ShouldBe(2);

        (await Api.GetJsonAsync(key.Client, "/v1/balance")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Submit_gets_429_past_the_default_jobs_in_flight_and_passes_once_an_admin_raises_it()
    {
        using var key = await app.CreateKeyAsync();
        await Api.SubmitAsync(key.Client, Api.Body("one", ("resolution", "360p")));
        await Api.SubmitAsync(key.Client, Api.Body("two", ("resolution", "360p")));

        var (status, json, response) = await Api.PostJsonAsync(
            key.Client,
            "/v1/videos/generations",
            Api.Body("three", ("resolution", "360p")));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.TooManyRequests, "rate_limit_error", "too_many_jobs_in_flight");

        using var admin = app.Admin();
        (await PatchAsync(admin, key.Id, """{"jobs_in_flight": 3}""")).Status.ShouldBe(HttpStatusCode.OK);
        await Api.SubmitAsync(key.Client, Api.Body("three", ("resolution", "360p")));
    }

    [Fact]
    public async Task Upload_gets_429_with_Retry_After_when_the_keys_stored_uploads_fill_its_cap()
    {
        using var key = await app.CreateKeyAsync();
        var (created, upload) = await UploadAsync(key.Client);
        created.ShouldBe(HttpStatusCode.Created, upload.ToJsonString());
        var bytes = upload["bytes"]!.GetValue<long>();
        using var admin = app.Admin();

        (await PatchAsync(admin, key.Id, $$"""{"upload_bytes": {{bytes}}}""")).Status.ShouldBe(HttpStatusCode.OK);
        var full = await UploadWithResponseAsync(key.Client);
        (full.Status, full.Json).ShouldBeError(HttpStatusCode.TooManyRequests, "rate_limit_error", "upload_quota_exceeded");
        full.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.FromDays(6));

        (await PatchAsync(admin, key.Id, $$"""{"upload_bytes": {{bytes * 2}}}""")).Status.ShouldBe(HttpStatusCode.OK);
        (await UploadAsync(key.Client)).Status.ShouldBe(HttpStatusCode.Created);
        (await PatchAsync(admin, key.Id, """{"upload_bytes": null}""")).Status.ShouldBe(HttpStatusCode.OK);
        (await UploadAsync(key.Client)).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("""{"upload_bytes": 0}""", "upload_bytes")]
    [InlineData("""{"jobs_in_flight": "3"}""", "jobs_in_flight")]
    [InlineData("""{"burst": 3}""", "burst")]
    public async Task SetLimits_returns_422_naming_the_limit_when_its_value_is_wrong(string body, string param)
    {
        using var key = await app.CreateKeyAsync();
        using var admin = app.Admin();
        (await PatchAsync(admin, key.Id, body)).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", param: param);
    }

    [Fact]
    public async Task SetLimits_returns_404_for_an_unknown_key_and_403_for_a_non_admin()
    {
        using var key = await app.CreateKeyAsync();
        using var admin = app.Admin();
        (await PatchAsync(admin, "key_01m899hxwbkq2g0000000016bb", "{}")).ShouldBeError(
            HttpStatusCode.NotFound,
            "invalid_request_error",
            "key_not_found");
        (await PatchAsync(key.Client, key.Id, """{"requests_per_minute": null}""")).ShouldBeError(
            HttpStatusCode.Forbidden,
            "permission_error");
    }

    private static async Task<(HttpStatusCode Status, JsonObject Json)> PatchAsync(HttpClient client, string keyId, string body)
    {
        using var response = await client.PatchAsync(
            $"/v1/keys/{keyId}/limits",
            new StringContent(body, Encoding.UTF8, "application/json"),
            Api.Token);
        return (response.StatusCode, await Api.ReadObjectAsync(response));
    }

    private static async Task<(HttpStatusCode Status, JsonObject Json)> UploadAsync(HttpClient client)
    {
        var (status, json, _) = await UploadWithResponseAsync(client);
        return (status, json);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Json, TimeSpan? RetryAfter)> UploadWithResponseAsync(HttpClient client)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestImages.Png(400, 300));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "photo.png");
        using var response = await client.PostAsync("/v1/uploads", form, Api.Token);
        return (response.StatusCode, await Api.ReadObjectAsync(response), response.Headers.RetryAfter?.Delta);
    }
}
