using Reelgate.Client.Models;
using Reelgate.Testing;

namespace Reelgate.Client.Tests;

/// <summary>Submit, read, list and cancel jobs against the real server.</summary>
public sealed class JobsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task GenerateAsync_returns_the_queued_job_with_defaults_filled_in_when_submitted()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(await server.NewKeyAsync());

        var job = await client.GenerateAsync(Requests.Quick() with { Seed = 42, Style = VideoStyle.Clay }, cancellationToken: ct);

        job.JobId.ShouldStartWith("job_");
        job.Status.ShouldBeOneOf(JobStatus.Queued, JobStatus.Processing);
        job.Request.Resolution.ShouldBe(Resolution.P360);
        job.Request.Seed.ShouldBe(42);
        job.Request.Style.ShouldBe(VideoStyle.Clay);
        job.Request.Thinking.ShouldBe(ThinkingMode.Auto);
        job.Request.Mode.ShouldBe(GenerationMode.T2v);
        job.Cost.Amount.ShouldBe(0.40m);
        job.Cost.State.ShouldBe(CostState.Held);
    }

    [Fact]
    public async Task GenerateAndWaitAsync_returns_the_completed_job_with_its_video_when_rendered()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(await server.NewKeyAsync());

        var job = await client.GenerateAndWaitAsync(
            Requests.Quick() with { Metadata = new Dictionary<string, string> { ["order"] = "17" } },
            cancellationToken: ct);

        job.Status.ShouldBe(JobStatus.Completed);
        job.Progress.ShouldBe(100);
        job.Cost.State.ShouldBe(CostState.Charged);
        job.Metadata["order"].ShouldBe("17");
        job.Video.ShouldNotBeNull();
        job.Video.Width.ShouldBe(360);
        job.Video.Height.ShouldBe(360);
        job.Video.HasAudio.ShouldBe(false);
        job.Poster.ShouldNotBeNull();
        job.Result!.ExpiresAt.ShouldBeGreaterThan(job.CreatedAt);

        var again = await client.GetJobAsync(job.JobId, ct);
        again.Status.ShouldBe(JobStatus.Completed);
        again.Video!.Url.ShouldBe(job.Video.Url);
        again.Request.ShouldBe(job.Request);
    }

    [Fact]
    public async Task ListJobsAsync_pages_through_every_job_newest_first_when_there_are_more_than_a_page()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(await server.NewKeyAsync());
        var submitted = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            submitted.Add((await client.GenerateAsync(Requests.Quick(simulate: "stall"), cancellationToken: ct)).JobId);
        }

        var listed = new List<string>();
        await foreach (var job in client.ListJobsAsync(pageSize: 2, cancellationToken: ct))
        {
            listed.Add(job.JobId);
        }

        var firstPage = await client.ListJobsPageAsync(limit: 2, cancellationToken: ct);
        foreach (var id in submitted)
        {
            await client.CancelAsync(id, ct);
        }

        listed.ShouldBe(Enumerable.Reverse(submitted).ToList());
        firstPage.HasMore.ShouldBeTrue();
        firstPage.NextCursor.ShouldBe(submitted[3]);
        var cancelled = new List<string>();
        await foreach (var job in client.ListJobsAsync(JobStatus.Cancelled, cancellationToken: ct))
        {
            cancelled.Add(job.JobId);
        }

        cancelled.Count.ShouldBe(5);
    }

    [Fact]
    public async Task ListDeliveriesAsync_shows_the_webhook_delivery_and_RedeliverAsync_sends_it_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = LoopbackHttpServer.Start();
        receiver.MapStatus("/hook", 200);
        using var client = server.Client(await server.NewKeyAsync());
        var job = await client.GenerateAndWaitAsync(
            Requests.Quick(simulate: "fail:for_the_hook") with { WebhookUrl = receiver.Url("/hook").ToString() },
            cancellationToken: ct);

        var delivered = await Poll.UntilAsync(
            async () => await client.ListDeliveriesAsync(job.JobId, ct) is var deliveries && deliveries.Any(x => x.DeliveredAt is not null)
                ? deliveries
                : null,
            TimeSpan.FromSeconds(60),
            ct,
            () => "no delivery was delivered");
        var first = delivered.First(d => d.DeliveredAt is not null);
        var again = await client.RedeliverAsync(job.JobId, first.Id, ct);

        first.EventType.ShouldBe("job.failed");
        first.Url.ShouldBe(receiver.Url("/hook").ToString());
        first.AttemptLog.ShouldContain(a => a.StatusCode == 200);
        again.ShouldNotBeEmpty();
        receiver.Requests.ShouldContain(r => r.Method == "POST" && r.Path == "/hook");
    }

    [Fact]
    public async Task CancelAsync_cancels_and_releases_the_hold_when_the_job_is_running()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.Client(await server.NewKeyAsync(credits: 1m));
        var job = await client.GenerateAsync(Requests.Quick(simulate: "stall"), cancellationToken: ct);
        (await client.GetBalanceAsync(ct)).Held.ShouldBe(0.40m);

        var cancelled = await client.CancelAsync(job.JobId, ct);

        cancelled.Status.ShouldBe(JobStatus.Cancelled);
        cancelled.Cost.State.ShouldBe(CostState.Released);
        var balance = await client.GetBalanceAsync(ct);
        balance.Available.ShouldBe(1m);
        balance.Held.ShouldBe(0m);
    }
}
