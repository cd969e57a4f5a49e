using System.Net;
using Reelgate.Client.Models;

namespace Reelgate.Client.Tests;

/// <summary>Every refusal comes back as one <see cref="ReelgateException"/> carrying the envelope's type, code, param and
/// message.</summary>
public sealed class ErrorMappingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task GenerateAsync_throws_422_naming_the_param_when_10s_at_1080p()
    {
        using var client = server.Client(await server.NewKeyAsync());

        var error = await Should.ThrowAsync<ReelgateException>(() => client.GenerateAsync(
            new GenerationRequest { Prompt = "a lighthouse", Resolution = Resolution.P1080, Duration = VideoDuration.Seconds10 },
            cancellationToken: TestContext.Current.CancellationToken));

        error.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error.Type.ShouldBe(ReelgateErrorTypes.InvalidRequest);
        error.Param.ShouldBe("duration");
        error.Message.ShouldContain("1080p");
    }

    [Fact]
    public async Task GenerateAsync_throws_422_naming_the_param_when_a_value_is_unknown()
    {
        using var client = server.Client(await server.NewKeyAsync());

        var error = await Should.ThrowAsync<ReelgateException>(() => client.GenerateAsync(
            Requests.Quick() with { Style = new VideoStyle("watercolour") }, cancellationToken: TestContext.Current.CancellationToken));

        error.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error.Param.ShouldBe("style");
    }

    [Fact]
    public async Task GetBalanceAsync_throws_401_when_the_key_is_wrong()
    {
        using var client = server.Client("rg_not_a_key");

        var error = await Should.ThrowAsync<ReelgateException>(() => client.GetBalanceAsync(TestContext.Current.CancellationToken));

        error.Status.ShouldBe(HttpStatusCode.Unauthorized);
        error.Type.ShouldBe(ReelgateErrorTypes.Authentication);
    }

    [Fact]
    public async Task ListKeysAsync_throws_403_when_the_key_is_not_an_admin()
    {
        using var client = server.Client(await server.NewKeyAsync());

        var error = await Should.ThrowAsync<ReelgateException>(() => client.ListKeysAsync(TestContext.Current.CancellationToken));

        error.Status.ShouldBe(HttpStatusCode.Forbidden);
        error.Type.ShouldBe(ReelgateErrorTypes.Permission);
    }

    [Fact]
    public async Task GetJobAsync_throws_404_job_not_found_when_the_job_is_another_keys()
    {
        var ct = TestContext.Current.CancellationToken;
        using var owner = server.Client(await server.NewKeyAsync());
        using var stranger = server.Client(await server.NewKeyAsync());
        var job = await owner.GenerateAsync(Requests.Quick(simulate: "stall"), cancellationToken: ct);

        var error = await Should.ThrowAsync<ReelgateException>(() => stranger.GetJobAsync(job.JobId, ct));
        await owner.CancelAsync(job.JobId, ct);

        error.Status.ShouldBe(HttpStatusCode.NotFound);
        error.Code.ShouldBe("job_not_found");
        error.Type.ShouldBe(ReelgateErrorTypes.InvalidRequest);
    }

    [Fact]
    public async Task GenerateAsync_throws_402_when_the_balance_cannot_cover_the_price()
    {
        using var client = server.Client(await server.NewKeyAsync(credits: 0.10m));

        var error = await Should.ThrowAsync<ReelgateException>(() => client.GenerateAsync(
            Requests.Quick(),
            cancellationToken: TestContext.Current.CancellationToken));

        error.Status.ShouldBe(HttpStatusCode.PaymentRequired);
        error.Type.ShouldBe(ReelgateErrorTypes.InsufficientCredits);
        error.Code.ShouldBe("insufficient_credits");
    }

    [Fact]
    public async Task GenerateAsync_throws_409_when_an_idempotency_key_is_reused_with_another_body()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(await server.NewKeyAsync());
        var key = ReelgateClient.NewIdempotencyKey();
        var first = await client.GenerateAsync(Requests.Quick("one"), key, ct);

        var replay = await client.GenerateAsync(Requests.Quick("one"), key, ct);
        var error = await Should.ThrowAsync<ReelgateException>(() => client.GenerateAsync(Requests.Quick("two"), key, ct));

        replay.JobId.ShouldBe(first.JobId);
        error.Status.ShouldBe(HttpStatusCode.Conflict);
        error.Code.ShouldBe("idempotency_key_reused");
    }

    [Fact]
    public async Task CancelAsync_throws_409_when_the_job_is_already_final()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(await server.NewKeyAsync());
        var job = await client.GenerateAsync(Requests.Quick(simulate: "stall"), cancellationToken: ct);
        await client.CancelAsync(job.JobId, ct);

        var error = await Should.ThrowAsync<ReelgateException>(() => client.CancelAsync(job.JobId, ct));

        error.Status.ShouldBe(HttpStatusCode.Conflict);
        error.Code.ShouldBe("job_not_cancellable");
    }

    [Fact]
    public async Task GetBalanceAsync_throws_429_with_RetryAfter_when_the_rate_limit_is_hit_and_retries_are_off()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(
            await server.NewKeyAsync(limits: new KeyLimits(RequestsPerMinute: 1)),
            configure: o => o.MaxRetries = 0);
        await client.GetBalanceAsync(ct);

        var error = await Should.ThrowAsync<ReelgateException>(() => client.GetBalanceAsync(ct));

        error.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        error.Type.ShouldBe(ReelgateErrorTypes.RateLimit);
        error.RetryAfter.ShouldNotBeNull();
        error.RetryAfter.Value.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task GetBalanceAsync_throws_429_at_once_when_Retry_After_is_longer_than_the_client_waits()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(
            await server.NewKeyAsync(limits: new KeyLimits(RequestsPerMinute: 1)),
            configure: o => o.MaxRetryAfter = TimeSpan.FromMilliseconds(10));
        await client.GetBalanceAsync(ct);

        var error = await Should.ThrowAsync<ReelgateException>(() => client.GetBalanceAsync(ct));

        error.Status.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task GetBalanceAsync_throws_a_connection_error_when_nothing_listens()
    {
        using var client = server.Client(baseAddress: new Uri("http://127.0.0.1:9"), configure: o => o.MaxRetries = 1);

        var error = await Should.ThrowAsync<ReelgateException>(() => client.GetBalanceAsync(TestContext.Current.CancellationToken));

        error.Status.ShouldBeNull();
        error.Type.ShouldBe(ReelgateErrorTypes.ConnectionError);
    }
}
