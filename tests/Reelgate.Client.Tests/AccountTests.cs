using Reelgate.Client.Models;

namespace Reelgate.Client.Tests;

/// <summary>Models, pricing, quotes, balance, usage and the admin key calls.</summary>
public sealed class AccountTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ListModelsAsync_and_GetModelAsync_return_the_catalog_card_without_a_key()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(key: null);

        var models = await client.ListModelsAsync(ct);
        var card = await client.GetModelAsync(GenerationRequest.DefaultModel, ct);

        models.ShouldContain(m => m.Id == GenerationRequest.DefaultModel);
        card.Parameters.Single(p => p.Name == "resolution").Values.ShouldBe(["360p", "540p", "720p", "1080p"]);
        card.Pricing.Rows.ShouldContain(
            r => r.Duration == VideoDuration.Seconds5 && r.Audio && r.Amount == 1.50m && r.Resolutions.Contains("1080p"));
    }

    [Fact]
    public async Task GetPricingAsync_returns_the_rate_card_as_exact_decimals()
    {
        using var client = server.Client(key: null);

        var cards = await client.GetPricingAsync(TestContext.Current.CancellationToken);

        var card = cards.Single(c => c.Model == GenerationRequest.DefaultModel);
        card.Currency.ShouldBe("USD");
        card.Rows.Single(r => r.Resolutions.Contains("720p") && r.Duration == VideoDuration.Seconds10 && r.Audio).Amount.ShouldBe(2.86m);
        card.Tiers.Single(t => t.Resolutions.Contains("360p")).Prices.Values.ShouldContain(0.88m);
    }

    [Theory]
    [InlineData("360p", "5s", false, "0.40")]
    [InlineData("720p", "8s", true, "2.60")]
    [InlineData("1080p", "5s", true, "1.50")]
    public async Task QuoteAsync_returns_the_rate_card_price_when_the_request_is_valid(
        string resolution,
        string duration,
        bool audio,
        string price)
    {
        using var client = server.Client(key: null);

        var quote = await client.QuoteAsync(
            new GenerationRequest { Prompt = "q", Resolution = resolution, Duration = duration, Audio = audio },
            TestContext.Current.CancellationToken);

        quote.Amount.ShouldBe(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture));
        quote.Resolution.Value.ShouldBe(resolution);
        quote.Duration.Value.ShouldBe(duration);
        quote.Audio.ShouldBe(audio);
    }

    [Fact]
    public async Task GetBalanceAsync_and_ListUsageAsync_show_the_credit_hold_and_charge_of_a_job()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(await server.NewKeyAsync(credits: 3m));
        var job = await client.GenerateAndWaitAsync(Requests.Quick(), cancellationToken: ct);

        var balance = await client.GetBalanceAsync(ct);
        var usage = new List<UsageEntry>();
        await foreach (var entry in client.ListUsageAsync(pageSize: 1, cancellationToken: ct))
        {
            usage.Add(entry);
        }

        balance.Available.ShouldBe(2.60m);
        balance.Held.ShouldBe(0m);
        usage[^1].Kind.ShouldBe("credit");
        usage[^1].Amount.ShouldBe(3m);
        usage.ShouldContain(u => u.Kind == "hold" && u.Amount == -0.40m && u.JobId == job.JobId);
        usage[0].Kind.ShouldBe("charge");
        usage[0].Amount.ShouldBe(-0.40m);
        usage[0].JobId.ShouldBe(job.JobId);
        usage[0].AvailableAfter.ShouldBe(2.60m);
    }

    [Fact]
    public async Task Key_webhook_calls_set_clear_and_rotate_the_signing_secret()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = server.Client();
        var created = await admin.CreateKeyAsync(new CreateKeyRequest { Name = "hooks", WebhookUrl = "http://127.0.0.1:9/reelgate" }, ct);

        var cleared = await admin.SetKeyWebhookAsync(created.Id, null, ct);
        var set = await admin.SetKeyWebhookAsync(created.Id, "http://127.0.0.1:9/other", ct);
        var rotated = await admin.RotateWebhookSecretAsync(created.Id, ct);

        created.WebhookUrl.ShouldBe("http://127.0.0.1:9/reelgate");
        created.WebhookSecret.ShouldNotBeNullOrEmpty();
        cleared.WebhookUrl.ShouldBeNull();
        set.WebhookUrl.ShouldBe("http://127.0.0.1:9/other");
        set.WebhookSecret.ShouldBeNull();
        rotated.KeyId.ShouldBe(created.Id);
        rotated.WebhookSecret.ShouldNotBe(created.WebhookSecret);
    }

    [Fact]
    public async Task Key_calls_create_list_get_top_up_and_revoke_a_key()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = server.Client();

        var created = await admin.CreateKeyAsync(
            new CreateKeyRequest { Name = "ci", Credits = 1.25m, Owner = "team", Limits = new KeyLimits(SpendPerDay: 5m, JobsInFlight: 2) },
            ct);
        var listed = await admin.ListKeysAsync(ct);
        var topped = await admin.AddCreditsAsync(created.Id, 3.19m, ct);
        var read = await admin.GetKeyAsync(created.Id, ct);
        var revoked = await admin.RevokeKeyAsync(created.Id, ct);
        using var withRevoked = server.Client(created.Key);
        var refused = await Should.ThrowAsync<ReelgateException>(() => withRevoked.GetBalanceAsync(ct));

        created.Key.ShouldStartWith("rg_");
        created.Balance.Available.ShouldBe(1.25m);
        created.Limits.ShouldBe(new KeyLimits(5m, 2, null));
        listed.ShouldContain(k => k.Id == created.Id && k.Key == null);
        topped.Available.ShouldBe(4.44m);
        read.Balance.Available.ShouldBe(4.44m);
        read.Owner.ShouldBe("team");
        revoked.RevokedAt.ShouldNotBeNull();
        refused.Status.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }
}
