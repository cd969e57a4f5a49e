using System.Net;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.Limits;

/// <summary>The bootstrap admin key through the server: replaced (not doubled) when REELGATE_ADMIN_KEY changes; the last admin cannot be
/// revoked.</summary>
public sealed class AdminBootstrapTests
{
    private const string FirstKey = "rg_bootstrap_first_0123456789abcdefghijklmn";
    private const string SecondKey = "rg_bootstrap_second_0123456789abcdefghijklm";

    /// <summary>The app over a given data folder with a given admin key.</summary>
    private sealed class BootstrapApp(string dataDirectory, string adminKey) : ReelgateApp
    {
        protected override int Workers => 0;

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Reelgate:DataDir"] = dataDirectory,
            ["Reelgate:AdminKey"] = adminKey,
        };
    }

    [Fact]
    public async Task Changing_the_admin_key_revokes_the_previous_one_without_a_second_bootstrap_credit()
    {
        using var data = new TempDirectory("bootstrap");
        await using (var first = new BootstrapApp(data.Path, FirstKey))
        {
            using var admin = first.ClientWith(FirstKey);
            (await Api.GetJsonAsync(admin, "/v1/balance")).Json["available"]!.GetValue<string>().ShouldBe("1000.00");
        }

        await using var second = new BootstrapApp(data.Path, SecondKey);
        using var newAdmin = second.ClientWith(SecondKey);
        using var oldAdmin = second.ClientWith(FirstKey);

        (await Api.GetJsonAsync(newAdmin, "/v1/balance")).Json["available"]!.GetValue<string>().ShouldBe("0.00");
        (await Api.GetJsonAsync(oldAdmin, "/v1/balance")).ShouldBeError(
            HttpStatusCode.Unauthorized,
            "authentication_error",
            "invalid_api_key");
        var keys = (await Api.GetJsonAsync(newAdmin, "/v1/keys")).Json["data"]!.AsArray();
        keys.Count.ShouldBe(2);
        keys.Count(k => k!["admin"]!.GetValue<bool>() && k["revoked_at"] is null).ShouldBe(1);
    }

    [Fact]
    public async Task Revoke_returns_409_for_the_last_active_admin_key()
    {
        await using var app = new ApiOnlyApp();
        using var admin = app.Admin();
        using var second = await app.CreateKeyAsync(admin: true);
        var bootstrapId = (await Api.GetJsonAsync(admin, "/v1/keys")).Json["data"]!.AsArray()
            .Single(k => k!["name"]!.GetValue<string>() == "admin")!["id"]!.GetValue<string>();

        using var revoked = await admin.DeleteAsync($"/v1/keys/{second.Id}", Api.Token);
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var last = await admin.DeleteAsync($"/v1/keys/{bootstrapId}", Api.Token);

        (last.StatusCode, await Api.ReadObjectAsync(last)).ShouldBeError(
            HttpStatusCode.Conflict,
            "invalid_request_error",
            "last_admin_key",
            "key_id");
        (await Api.GetJsonAsync(admin, "/v1/balance")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
