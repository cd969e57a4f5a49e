using System.Net;

namespace Reelgate.Client.Tests;

/// <summary>
/// Retries never make a second job: the proxy lets the server act on a submit and then loses or spoils the
/// answer; the client sends it again with the same Idempotency-Key and the server replays the first job.
/// </summary>
public sealed class RetryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static bool IsSubmit(ProxiedRequest r) => r.Method == "POST" && r.Path == "/v1/videos/generations";

    [Theory]
    [InlineData(FaultKind.DropAnswer)]
    [InlineData(FaultKind.ServiceUnavailableAfterForward)]
    public async Task GenerateAsync_retries_with_the_same_idempotency_key_and_makes_one_job_when_the_answer_is_lost(FaultKind fault)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = await FaultProxy.StartAsync(server.BaseAddress);
        proxy.Add(new FaultRule(IsSubmit, fault, times: 1));
        using var client = server.Client(await server.NewKeyAsync(), proxy.BaseAddress);

        var job = await client.GenerateAsync(Requests.Quick(simulate: "stall"), cancellationToken: ct);

        var submits = proxy.Requests.Where(IsSubmit).ToList();
        submits.Count.ShouldBe(2);
        submits[0].Fault.ShouldBe(fault);
        submits[0].Header("Idempotency-Key").ShouldNotBeNullOrEmpty();
        submits[1].Header("Idempotency-Key").ShouldBe(submits[0].Header("Idempotency-Key"));
        var jobs = new List<string>();
        await foreach (var listed in client.ListJobsAsync(cancellationToken: ct))
        {
            jobs.Add(listed.JobId);
        }

        jobs.ShouldBe([job.JobId]);
        (await client.GetBalanceAsync(ct)).Held.ShouldBe(0.40m);
        await client.CancelAsync(job.JobId, ct);
    }

    [Fact]
    public async Task GenerateAsync_does_not_resubmit_when_idempotency_keys_are_off_and_the_answer_is_lost()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = await FaultProxy.StartAsync(server.BaseAddress);
        proxy.Add(new FaultRule(IsSubmit, FaultKind.ServiceUnavailableAfterForward, times: 1));
        using var client = server.Client(await server.NewKeyAsync(), proxy.BaseAddress, o => o.AutoIdempotencyKeys = false);

        var error = await Should.ThrowAsync<ReelgateException>(() => client.GenerateAsync(
            Requests.Quick(simulate: "stall"),
            cancellationToken: ct));

        error.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        error.Type.ShouldBe(ReelgateErrorTypes.Upstream);
        proxy.Requests.Count(IsSubmit).ShouldBe(1);
        proxy.Requests.Single(IsSubmit).Header("Idempotency-Key").ShouldBeNull();
        await foreach (var job in client.ListJobsAsync(cancellationToken: ct))
        {
            await client.CancelAsync(job.JobId, ct);
        }
    }

    [Fact]
    public async Task GetJobAsync_retries_after_503_with_Retry_After_and_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = await FaultProxy.StartAsync(server.BaseAddress);
        using var client = server.Client(await server.NewKeyAsync(), proxy.BaseAddress);
        var job = await client.GenerateAsync(Requests.Quick(simulate: "stall"), cancellationToken: ct);
        proxy.Add(new FaultRule(r => r.Method == "GET" && r.Path == $"/v1/jobs/{job.JobId}", FaultKind.Refuse, times: 2)
        {
            Status = 503,
            RetryAfter = "1",
        });

        var read = await client.GetJobAsync(job.JobId, ct);

        read.JobId.ShouldBe(job.JobId);
        proxy.Requests.Count(r => r.Path == $"/v1/jobs/{job.JobId}").ShouldBe(3);
        await client.CancelAsync(job.JobId, ct);
    }

    [Fact]
    public async Task GetJobAsync_gives_up_with_the_last_error_when_every_attempt_fails()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = await FaultProxy.StartAsync(server.BaseAddress);
        proxy.Add(new FaultRule(r => r.Path == "/v1/balance", FaultKind.Refuse, int.MaxValue) { Status = 502 });
        using var client = server.Client(await server.NewKeyAsync(), proxy.BaseAddress, o => o.MaxRetries = 2);

        var error = await Should.ThrowAsync<ReelgateException>(() => client.GetBalanceAsync(ct));

        error.Status.ShouldBe(HttpStatusCode.BadGateway);
        error.Code.ShouldBe("http_502");
        proxy.Requests.Count(r => r.Path == "/v1/balance").ShouldBe(3);
    }
}
