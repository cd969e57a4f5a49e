using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Billing;

/// <summary>Holds at submit, 402 when short, exact concurrency, limits, top-ups, isolation.</summary>
public sealed class CreditTests(ApiOnlyApp app) : IClassFixture<ApiOnlyApp>
{
    [Fact]
    public async Task Submit_returns_402_with_price_and_balance_when_credit_is_short()
    {
        using var key = await app.CreateKeyAsync("1.00");
        var (status, json, response) = await Api.PostJsonAsync(key.Client, "/v1/videos/generations", Api.Body("x"));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.PaymentRequired, "insufficient_credits", "insufficient_credits");
        var message = json["error"]!["message"]!.GetValue<string>();
        message.ShouldContain("1.50");
        message.ShouldContain("1.00");
        (await Api.GetJsonAsync(key.Client, "/v1/jobs")).Json["data"]!.AsArray().Count.ShouldBe(0);
        (await Api.GetJsonAsync(key.Client, "/v1/balance")).Json["available"]!.GetValue<string>().ShouldBe("1.00");
    }

    [Fact]
    public async Task Concurrent_submits_accept_exactly_what_the_balance_covers()
    {
        using var key = await app.CreateKeyAsync("7.50");
        var attempts = Enumerable.Range(0, 24).Select(async _ =>
        {
            var (status, _, response) = await Api.PostJsonAsync(key.Client, "/v1/videos/generations", Api.Body("x"));
            response.Dispose();
            return status;
        });
        var statuses = await Task.WhenAll(attempts);
        statuses.Count(s => s == HttpStatusCode.Accepted).ShouldBe(5);
        statuses.Count(s => s == HttpStatusCode.PaymentRequired).ShouldBe(19);
        var (_, balance) = await Api.GetJsonAsync(key.Client, "/v1/balance");
        balance["available"]!.GetValue<string>().ShouldBe("0.00");
        balance["held"]!.GetValue<string>().ShouldBe("7.50");
        var rows = await Ledger.ReadAllAsync(key.Client);
        rows.ShouldAddUp();
        rows.Count(r => r.Kind == "hold").ShouldBe(5);
    }

    [Fact]
    public async Task Usage_lists_the_keys_ledger_newest_first_and_only_its_own()
    {
        using var key = await app.CreateKeyAsync("5.00");
        using var other = await app.CreateKeyAsync("9.00");
        var jobId = (await Api.SubmitAsync(key.Client, Api.Body("x")))["job_id"]!.GetValue<string>();
        (await Api.PostJsonAsync(key.Client, $"/v1/jobs/{jobId}/cancel", new JsonObject())).Response.Dispose();

        var (status, usage) = await Api.GetJsonAsync(key.Client, "/v1/usage");
        status.ShouldBe(HttpStatusCode.OK);
        var data = usage["data"]!.AsArray();
        data.Select(r => r!["kind"]!.GetValue<string>()).ShouldBe(["release", "hold", "credit"]);
        data.Select(r => r!["amount"]!.GetValue<string>()).ShouldBe(["1.50", "-1.50", "5.00"]);
        data.Select(r => r!["available_after"]!.GetValue<string>()).ShouldBe(["5.00", "3.50", "5.00"]);
        data[0]!["job_id"]!.GetValue<string>().ShouldBe(jobId);
        data[2]!["job_id"].ShouldBeNull();
        (await Ledger.ReadAllAsync(other.Client)).Select(r => r.Amount).ShouldBe([9.00m]);
    }

    [Fact]
    public async Task Top_up_adds_credit_with_a_ledger_row()
    {
        using var key = await app.CreateKeyAsync("0.40");
        using var admin = app.Admin();
        var (status, balance, response) = await Api.PostJsonAsync(
            admin,
            $"/v1/keys/{key.Id}/credits",
            new JsonObject { ["amount"] = "3.19" });
        response.Dispose();
        status.ShouldBe(HttpStatusCode.OK);
        balance["available"]!.GetValue<string>().ShouldBe("3.59");
        balance["currency"]!.GetValue<string>().ShouldBe("USD");
        (await Ledger.ReadAllAsync(key.Client)).Select(r => (r.Kind, r.Amount)).ShouldBe([("credit", 0.40m), ("credit", 3.19m)]);
    }

    [Theory]
    [InlineData("{\"amount\": 3.19}", "amount")]
    [InlineData("{\"amount\": \"-1.00\"}", "amount")]
    [InlineData("{\"amount\": \"0\"}", "amount")]
    [InlineData("{\"amount\": \"1.0000001\"}", "amount")]
    [InlineData("{\"amount\": \"1e3\"}", "amount")]
    [InlineData("{}", "amount")]
    [InlineData("{\"amount\": \"1.00\", \"note\": \"x\"}", "note")]
    public async Task Top_up_returns_422_when_the_amount_is_not_a_positive_decimal_string(string body, string param)
    {
        using var key = await app.CreateKeyAsync("0.00");
        using var admin = app.Admin();
        var (status, json, response) = await Api.PostJsonAsync(admin, $"/v1/keys/{key.Id}/credits", JsonNode.Parse(body)!);
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", param: param);
    }

    [Fact]
    public async Task Top_up_returns_404_for_an_unknown_key()
    {
        using var admin = app.Admin();
        var (status, json, response) = await Api.PostJsonAsync(admin, "/v1/keys/key_nope/credits", new JsonObject { ["amount"] = "1.00" });
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.NotFound, "invalid_request_error", "key_not_found");
    }

    [Fact]
    public async Task In_flight_limit_answers_429_with_retry_after_counting_queued_jobs()
    {
        using var key = await app.CreateKeyAsync("100.00", Ledger.Limits(jobsInFlight: 2));
        await Api.SubmitAsync(key.Client, Api.Body("a"));
        var second = await Api.SubmitAsync(key.Client, Api.Body("b"));
        var (status, json, response) = await Api.PostJsonAsync(key.Client, "/v1/videos/generations", Api.Body("c"));
        using (response)
        {
            (status, json).ShouldBeError(HttpStatusCode.TooManyRequests, "rate_limit_error", "too_many_jobs_in_flight");
            response.Headers.RetryAfter.ShouldNotBeNull();
        }

        (await Api.PostJsonAsync(key.Client, $"/v1/jobs/{second["job_id"]!.GetValue<string>()}/cancel", new JsonObject())).Response
            .Dispose();
        await Api.SubmitAsync(key.Client, Api.Body("d"));
    }

    [Fact]
    public async Task Daily_spend_limit_answers_429_until_the_next_utc_day()
    {
        using var key = await app.CreateKeyAsync("100.00", Ledger.Limits(spendPerDay: "3.00"));
        await Api.SubmitAsync(key.Client, Api.Body("a"));
        await Api.SubmitAsync(key.Client, Api.Body("b"));
        var (status, json, response) = await Api.PostJsonAsync(
            key.Client,
            "/v1/videos/generations",
            Api.Body("c", ("resolution", "360p"), ("audio", false)));
        using (response)
        {
            (status, json).ShouldBeError(HttpStatusCode.TooManyRequests, "rate_limit_error", "daily_spend_limit");
            response.Headers.RetryAfter!.Delta!.Value.ShouldBeLessThanOrEqualTo(TimeSpan.FromDays(1));
        }
    }

    [Fact]
    public async Task Requests_per_minute_limit_answers_429_with_retry_after()
    {
        using var key = await app.CreateKeyAsync("1.00", Ledger.Limits(requestsPerMinute: 3));
        for (var i = 0; i < 3; i++)
        {
            (await Api.GetJsonAsync(key.Client, "/v1/balance")).Status.ShouldBe(HttpStatusCode.OK);
        }

        using var response = await key.Client.GetAsync("/v1/balance", Api.Token);
        response.Headers.RetryAfter.ShouldNotBeNull();
        (response.StatusCode, await Api.ReadObjectAsync(response)).ShouldBeError(
            HttpStatusCode.TooManyRequests,
            "rate_limit_error",
            "rate_limited");
    }

    [Theory]
    [InlineData("{\"credits\": \"1.00\"}", "name")]
    [InlineData("{\"name\": \"\"}", "name")]
    [InlineData("{\"name\": \"k\", \"credits\": 5}", "credits")]
    [InlineData("{\"name\": \"k\", \"admin\": \"yes\"}", "admin")]
    [InlineData("{\"name\": \"k\", \"limits\": {\"jobs_in_flight\": 0}}", "limits.jobs_in_flight")]
    [InlineData("{\"name\": \"k\", \"limits\": {\"burst\": 1}}", "limits.burst")]
    [InlineData("{\"name\": \"k\", \"scope\": \"all\"}", "scope")]
    public async Task Create_key_returns_422_naming_the_field(string body, string param)
    {
        using var admin = app.Admin();
        var (status, json, response) = await Api.PostJsonAsync(admin, "/v1/keys", JsonNode.Parse(body)!);
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", param: param);
    }
}
