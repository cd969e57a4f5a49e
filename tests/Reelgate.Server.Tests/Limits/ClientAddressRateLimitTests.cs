using System.Net;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Limits;

/// <summary>Requests without a key, and requests with a refused key, are limited per client address.</summary>
public sealed class ClientAddressRateLimitTests(ClientAddressRateLimitTests.StrictApp app)
    : IClassFixture<ClientAddressRateLimitTests.StrictApp>
{
    public sealed class StrictApp : ReelgateApp
    {
        protected override int Workers => 0;

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Reelgate:Limits:AnonymousRequestsPerMinute"] = "5",
            ["Reelgate:Limits:FailedAuthenticationsPerMinute"] = "3",
        };
    }

    [Fact]
    public async Task Requests_without_a_key_get_429_with_Retry_After_past_the_limit_while_keys_still_pass()
    {
        using var anonymous = app.ClientWith(null);
        for (var i = 0; i < 5; i++)
        {
            (await Api.GetJsonAsync(anonymous, "/v1/models")).Status.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await anonymous.GetAsync("/v1/pricing", Api.Token);
        (refused.StatusCode, await Api.ReadObjectAsync(refused)).ShouldBeError(
            HttpStatusCode.TooManyRequests,
            "rate_limit_error",
            "rate_limited");
        refused.Headers.RetryAfter!.Delta.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);

        using var admin = app.Admin();
        (await Api.GetJsonAsync(admin, "/v1/models")).Status.ShouldBe(HttpStatusCode.OK);
        using var probe = await anonymous.GetAsync("/healthz", Api.Token);
        probe.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refused_keys_get_429_instead_of_401_past_the_failed_authentication_limit()
    {
        using var guessing = app.ClientWith("rg_guess00000000000000000000000000000000000");
        for (var i = 0; i < 3; i++)
        {
            (await Api.GetJsonAsync(guessing, "/v1/balance")).ShouldBeError(
                HttpStatusCode.Unauthorized,
                "authentication_error",
                "invalid_api_key");
        }

        using var refused = await guessing.GetAsync("/v1/balance", Api.Token);
        (refused.StatusCode, await Api.ReadObjectAsync(refused))
            .ShouldBeError(HttpStatusCode.TooManyRequests, "rate_limit_error", "too_many_failed_authentications");
        refused.Headers.RetryAfter!.Delta.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);

        using var admin = app.Admin();
        (await Api.GetJsonAsync(admin, "/v1/balance")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
