using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Http;

public sealed class AuthTests(ApiOnlyApp app) : IClassFixture<ApiOnlyApp>
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer rg_notarealkey00000000000000000000000000000")]
    [InlineData("Basic cmc6cGFzcw==")]
    [InlineData("Token " + ReelgateApp.AdminKey)]
    [InlineData(ReelgateApp.AdminKey)]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    public async Task Routes_return_401_without_a_valid_bearer_key(string? authorization)
    {
        using var client = app.ClientWith(null);
        foreach (var path in new[] { "/v1/jobs", "/v1/balance", "/v1/usage" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await client.SendAsync(request, Api.Token);
            (response.StatusCode, await Api.ReadObjectAsync(response)).ShouldBeError(HttpStatusCode.Unauthorized, "authentication_error");
        }

        var (status, json, submit) = await Api.PostJsonAsync(client, "/v1/videos/generations", Api.Body("x"));
        submit.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.Unauthorized, "authentication_error");
    }

    [Fact]
    public async Task Admin_key_from_the_setting_works_with_the_seeds_curl()
    {
        using var admin = app.Admin();
        (await Api.SubmitAsync(admin, Api.Body("Describe what you want Pixverse v5.6 to generate.")))["status"]!.GetValue<string>()
            .ShouldBe("queued");
    }

    [Fact]
    public async Task Revoked_key_returns_401_at_once()
    {
        using var key = await app.CreateKeyAsync();
        (await Api.GetJsonAsync(key.Client, "/v1/balance")).Status.ShouldBe(HttpStatusCode.OK);
        using var admin = app.Admin();
        (await admin.DeleteAsync($"/v1/keys/{key.Id}", Api.Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.GetJsonAsync(key.Client, "/v1/balance")).ShouldBeError(
            HttpStatusCode.Unauthorized,
            "authentication_error",
            "invalid_api_key");
    }

    [Fact]
    public async Task Catalog_and_pricing_need_no_key()
    {
        using var client = app.ClientWith(null);
        (await Api.GetJsonAsync(client, "/v1/models")).Status.ShouldBe(HttpStatusCode.OK);
        (await Api.GetJsonAsync(client, "/v1/models/pixverse-v5-6")).Status.ShouldBe(HttpStatusCode.OK);
        (await Api.GetJsonAsync(client, "/v1/pricing")).Status.ShouldBe(HttpStatusCode.OK);
        var (status, _, response) = await Api.PostJsonAsync(client, "/v1/pricing/quote", Api.Body("x"));
        response.Dispose();
        status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_keys_job_is_not_found_for_read_cancel_and_events()
    {
        using var owner = await app.CreateKeyAsync();
        using var stranger = await app.CreateKeyAsync();
        var jobId = (await Api.SubmitAsync(owner.Client, Api.Body("mine")))["job_id"]!.GetValue<string>();

        (await Api.GetJsonAsync(stranger.Client, $"/v1/jobs/{jobId}")).ShouldBeError(
            HttpStatusCode.NotFound,
            "invalid_request_error",
            "job_not_found");
        (await Api.GetJsonAsync(stranger.Client, $"/v1/jobs/{jobId}/events")).ShouldBeError(
            HttpStatusCode.NotFound,
            "invalid_request_error",
            "job_not_found");
        var (status, json, response) = await Api.PostJsonAsync(stranger.Client, $"/v1/jobs/{jobId}/cancel", new JsonObject());
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.NotFound, "invalid_request_error", "job_not_found");
        (await Api.GetJsonAsync(stranger.Client, "/v1/jobs")).Json["data"]!.AsArray().Count.ShouldBe(0);
        (await Api.GetJsonAsync(owner.Client, $"/v1/jobs/{jobId}")).Json["status"]!.GetValue<string>().ShouldBe("queued");
    }

    [Fact]
    public async Task Admin_routes_return_403_for_a_key_without_the_admin_role()
    {
        using var key = await app.CreateKeyAsync();
        (await Api.GetJsonAsync(key.Client, "/v1/keys")).ShouldBeError(HttpStatusCode.Forbidden, "permission_error", "admin_required");
        var (status, json, response) = await Api.PostJsonAsync(key.Client, "/v1/keys", new JsonObject { ["name"] = "sneaky" });
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.Forbidden, "permission_error", "admin_required");
        (status, json, response) = await Api.PostJsonAsync(
            key.Client,
            $"/v1/keys/{key.Id}/credits",
            new JsonObject { ["amount"] = "100.00" });
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.Forbidden, "permission_error", "admin_required");
        using var delete = await key.Client.DeleteAsync($"/v1/keys/{key.Id}", Api.Token);
        delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Created_key_is_shown_once_and_stored_only_as_a_hash()
    {
        using var admin = app.Admin();
        var (status, created, response) = await Api.PostJsonAsync(
            admin,
            "/v1/keys",
            new JsonObject { ["name"] = "once", ["credits"] = "2.50" });
        response.Dispose();
        status.ShouldBe(HttpStatusCode.Created);
        var secret = created["key"]!.GetValue<string>();
        secret.ShouldStartWith("rg_");
        created["prefix"]!.GetValue<string>().ShouldBe(secret[..11]);
        created["balance"]!["available"]!.GetValue<string>().ShouldBe("2.50");

        var (_, listed) = await Api.GetJsonAsync(admin, "/v1/keys");
        var row = listed["data"]!.AsArray().Single(k => k!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>())!;
        row["key"].ShouldBeNull();
        var database = await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, "reelgate.db"), Api.Token);
        System.Text.Encoding.UTF8.GetString(database).ShouldNotContain(secret);
        using var client = app.ClientWith(secret);
        (await Api.GetJsonAsync(client, "/v1/balance")).Json["available"]!.GetValue<string>().ShouldBe("2.50");
        _ = new AuthenticationHeaderValue("Bearer", secret);
    }
}
