using System.Collections.Concurrent;
using Reelgate.Client.Models;
using Reelgate.Client.Waiting;

namespace Reelgate.Client.Tests;

/// <summary>WaitAsync through the event stream, through polling, falling back, timing out and cancelled; watched through a recording
/// proxy.</summary>
public sealed class WaitTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task WaitAsync_follows_the_event_stream_and_reports_progress_when_events_are_available()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = await FaultProxy.StartAsync(server.BaseAddress);
        using var client = server.Client(await server.NewKeyAsync(), proxy.BaseAddress);
        var job = await client.GenerateAsync(Requests.Quick(simulate: "delay:2"), cancellationToken: ct);
        var reports = new ConcurrentQueue<Job>();

        var done = await client.WaitAsync(job.JobId, progress: new Recorder(reports), cancellationToken: ct);

        done.Status.ShouldBe(JobStatus.Completed);
        var seen = reports.ToList();
        seen.Last().Status.ShouldBe(JobStatus.Completed);
        seen.ShouldContain(j => j.Status == JobStatus.Processing);
        seen.Select(j => j.Progress).ShouldBeInOrder();
        var during = proxy.Requests.Where(r => r.Method == "GET" && r.Path.StartsWith("/v1/jobs/", StringComparison.Ordinal)).ToList();
        during.Count(r => r.Path.EndsWith("/events", StringComparison.Ordinal)).ShouldBe(1);
        during.Count(r => !r.Path.EndsWith("/events", StringComparison.Ordinal)).ShouldBe(0);
    }

    [Fact]
    public async Task WaitAsync_polls_with_backoff_and_reports_progress_when_events_are_turned_off()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = await FaultProxy.StartAsync(server.BaseAddress);
        using var client = server.Client(await server.NewKeyAsync(), proxy.BaseAddress);
        var job = await client.GenerateAsync(Requests.Quick(simulate: "delay:2"), cancellationToken: ct);
        var reports = new ConcurrentQueue<Job>();

        var done = await client.WaitAsync(
            job.JobId,
            new WaitOptions { UseEvents = false, PollInterval = TimeSpan.FromMilliseconds(100) },
            new Recorder(reports),
            ct);

        done.Status.ShouldBe(JobStatus.Completed);
        reports.Last().Status.ShouldBe(JobStatus.Completed);
        reports.Count.ShouldBeGreaterThanOrEqualTo(2);
        proxy.Requests.ShouldNotContain(r => r.Path.EndsWith("/events", StringComparison.Ordinal));
        proxy.Requests.Count(r => r.Method == "GET" && r.Path == $"/v1/jobs/{job.JobId}").ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task WaitAsync_falls_back_to_polling_when_the_server_has_no_event_stream()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = await FaultProxy.StartAsync(server.BaseAddress);
        proxy.Add(new FaultRule(r => r.Path.EndsWith("/events", StringComparison.Ordinal), FaultKind.Refuse, int.MaxValue)
        {
            Status = 501,
            RetryAfter = null,
        });
        using var client = server.Client(await server.NewKeyAsync(), proxy.BaseAddress);
        var job = await client.GenerateAsync(Requests.Quick(), cancellationToken: ct);

        var done = await client.WaitAsync(
            job.JobId,
            new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(100) },
            cancellationToken: ct);

        done.Status.ShouldBe(JobStatus.Completed);
        proxy.Requests.Count(r => r.Path.EndsWith("/events", StringComparison.Ordinal)).ShouldBe(1);
        proxy.Requests.ShouldContain(r => r.Method == "GET" && r.Path == $"/v1/jobs/{job.JobId}");
    }

    [Fact]
    public async Task WaitAsync_returns_the_failed_job_with_its_error_when_the_job_fails()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(await server.NewKeyAsync());
        var job = await client.GenerateAsync(Requests.Quick(simulate: "fail:upstream_timeout"), cancellationToken: ct);

        var done = await client.WaitAsync(job.JobId, cancellationToken: ct);

        done.Status.ShouldBe(JobStatus.Failed);
        done.Error!.Code.ShouldBe("upstream_timeout");
        done.Cost.State.ShouldBe(CostState.Released);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WaitAsync_throws_a_timeout_error_and_leaves_the_job_running_when_the_timeout_passes(bool useEvents)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(await server.NewKeyAsync());
        var job = await client.GenerateAsync(Requests.Quick(simulate: "stall"), cancellationToken: ct);

        var error = await Should.ThrowAsync<ReelgateException>(
            () =>
                client.WaitAsync(
                    job.JobId,
                    new WaitOptions { Timeout = TimeSpan.FromMilliseconds(700), UseEvents = useEvents },
                    cancellationToken: ct));

        error.Type.ShouldBe(ReelgateErrorTypes.Timeout);
        error.Code.ShouldBe("wait_timeout");
        error.Status.ShouldBeNull();
        (await client.GetJobAsync(job.JobId, ct)).Status.IsFinal.ShouldBeFalse();
        await client.CancelAsync(job.JobId, ct);
    }

    [Fact]
    public async Task WaitAsync_stops_with_OperationCanceledException_when_the_caller_cancels()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(await server.NewKeyAsync());
        var job = await client.GenerateAsync(Requests.Quick(simulate: "stall"), cancellationToken: ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var waiting = client.WaitAsync(
            job.JobId,
            progress: new Recorder(new ConcurrentQueue<Job>(), _ => stop.Cancel()),
            cancellationToken: stop.Token);

        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
        await client.CancelAsync(job.JobId, ct);
    }

    [Fact]
    public async Task WaitAsync_throws_not_found_when_the_job_does_not_exist()
    {
        using var client = server.Client();

        var error = await Should.ThrowAsync<ReelgateException>(() => client.WaitAsync(
            "job_01m00000000000000000000000",
            cancellationToken: TestContext.Current.CancellationToken));

        error.Status.ShouldBe(System.Net.HttpStatusCode.NotFound);
        error.Code.ShouldBe("job_not_found");
    }

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them late), optionally acting on each.</summary>
    private sealed class Recorder(ConcurrentQueue<Job> into, Action<Job>? then = null) : IProgress<Job>
    {
        public void Report(Job value)
        {
            into.Enqueue(value);
            then?.Invoke(value);
        }
    }
}
