using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Files;

/// <summary>
/// Signed output URLs name their signing key (kid). An admin adds a key (it signs from then on), links signed with the
/// older key keep working until it is retired, which is refused before those links could have expired unless forced;
/// afterwards they answer 403 in the envelope. Links made before keys had ids are k1's.
/// </summary>
public sealed class SigningKeyRotationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Old_links_work_until_their_key_is_retired_then_answer_403_signing_key_retired()
    {
        await using var app = new ReelgateApp();
        using var key = await app.CreateKeyAsync();
        using var admin = app.Admin();
        using var anonymous = app.ClientWith(null);
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("a harbour at dusk", ("resolution", "360p")));
        var jobId = submitted["job_id"]!.GetValue<string>();
        var oldUrl = VideoUrl(await Api.WaitForAsync(key.Client, jobId, Deadline, "completed", "failed"));
        oldUrl.Query.ShouldContain("kid=k1");
        var keys = await Api.GetJsonAsync(admin, "/v1/signing-keys");
        keys.Json["data"]!.AsArray().Select(k => (k!["id"]!.GetValue<string>(), k["status"]!.GetValue<string>())).ShouldBe([(
            "k1",
            "primary")]);
        keys.Json.ToJsonString().ShouldNotContain("secret");

        var (addStatus, added, addResponse) = await Api.PostJsonAsync(admin, "/v1/signing-keys", new JsonObject());
        addResponse.Dispose();
        addStatus.ShouldBe(HttpStatusCode.Created, added.ToJsonString());
        (added["id"]!.GetValue<string>(), added["status"]!.GetValue<string>()).ShouldBe(("k2", "primary"));
        var newUrl = VideoUrl((await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}")).Json);
        newUrl.Query.ShouldContain("kid=k2");
        (await StatusOfAsync(anonymous, oldUrl)).ShouldBe(HttpStatusCode.OK);
        (await StatusOfAsync(anonymous, newUrl)).ShouldBe(HttpStatusCode.OK);
        (await StatusOfAsync(anonymous, WithoutKeyId(oldUrl))).ShouldBe(HttpStatusCode.OK);

        (await PostAsync(admin, "/v1/signing-keys/k2/retire")).ShouldBeError(
            HttpStatusCode.Conflict,
            "invalid_request_error",
            "signing_key_in_use",
            "key_id");
        (await PostAsync(admin, "/v1/signing-keys/k1/retire")).ShouldBeError(
            HttpStatusCode.Conflict,
            "invalid_request_error",
            "signing_key_still_valid",
            "key_id");
        (await PostAsync(admin, "/v1/signing-keys/k9/retire")).ShouldBeError(
            HttpStatusCode.NotFound,
            "invalid_request_error",
            "signing_key_not_found",
            "key_id");
        (await PostAsync(key.Client, "/v1/signing-keys")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await StatusOfAsync(anonymous, oldUrl)).ShouldBe(HttpStatusCode.OK);

        var (retireStatus, retired) = await PostAsync(admin, "/v1/signing-keys/k1/retire?force=true");
        retireStatus.ShouldBe(HttpStatusCode.OK, retired.ToJsonString());
        retired["status"]!.GetValue<string>().ShouldBe("retired");
        (await GetErrorAsync(anonymous, oldUrl)).ShouldBeError(HttpStatusCode.Forbidden, "permission_error", "signing_key_retired");
        (await GetErrorAsync(anonymous, WithoutKeyId(oldUrl))).ShouldBeError(
            HttpStatusCode.Forbidden,
            "permission_error",
            "signing_key_retired");
        (await StatusOfAsync(anonymous, newUrl)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Retire_is_allowed_without_force_once_the_longest_link_lifetime_has_passed()
    {
        await using var app = new ReelgateApp();
        using var admin = app.Admin();
        var (_, added, response) = await Api.PostJsonAsync(admin, "/v1/signing-keys", new JsonObject());
        response.Dispose();
        added["id"]!.GetValue<string>().ShouldBe("k2");
        const string previous = "k1";
        var listed = (await Api.GetJsonAsync(admin, "/v1/signing-keys")).Json["data"]!.AsArray().Single(
            k => k!["id"]!.GetValue<string>() == previous)!;
        listed["status"]!.GetValue<string>().ShouldBe("active");
        var retirable = DateTimeOffset.Parse(listed["retirable_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        retirable.ShouldBeGreaterThan(app.Clock.GetUtcNow().AddDays(7));

        app.Clock.Advance(retirable - app.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        var (status, retired) = await PostAsync(admin, $"/v1/signing-keys/{previous}/retire");

        status.ShouldBe(HttpStatusCode.OK, retired.ToJsonString());
        retired["status"]!.GetValue<string>().ShouldBe("retired");
    }

    private static Uri VideoUrl(JsonObject job) =>
        new(job["result"]!["outputs"]!.AsArray().Single(o => o!["type"]!.GetValue<string>() == "video")!["url"]!.GetValue<string>());

    private static Uri WithoutKeyId(Uri url)
    {
        var query = string.Join('&', url.Query.TrimStart('?').Split('&').Where(p => !p.StartsWith("kid=", StringComparison.Ordinal)));
        return new Uri(url.GetLeftPart(UriPartial.Path) + "?" + query);
    }

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient client, Uri url)
    {
        using var response = await client.GetAsync(url.PathAndQuery, Api.Token);
        return response.StatusCode;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Json)> GetErrorAsync(HttpClient client, Uri url) =>
        await Api.GetJsonAsync(client, url.PathAndQuery);

    private static async Task<(HttpStatusCode Status, JsonObject Json)> PostAsync(HttpClient client, string path)
    {
        using var response = await client.PostAsync(path, null, Api.Token);
        return (response.StatusCode, await Api.ReadObjectAsync(response));
    }
}
