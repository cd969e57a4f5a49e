using Reelgate.Engines.Upstream.Tests.Fakes;
using Reelgate.Engines.Upstream.Tests.Support;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>The built server, killed with -9 while its upstream job is in flight, restarted on the same data.</summary>
public sealed class UpstreamRestartTests(MediaFixture media)
{
    private const string Key = "fal-restart-key:0123456789";

    [Fact]
    public async Task Job_is_submitted_once_and_charged_once_when_the_server_is_killed_mid_job()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeProvider.StartedAsync(new FalFake(media.Video, Key) { Hold = true }, ct);
        using var data = new TempDirectory("upstream-restart");
        var environment = FalServerSettings.For(fake.BaseUrl, Key);
        environment["Reelgate__Workers__Lease"] = "00:00:03";
        string jobId;
        await using (var first = new ServerProcess(data.Path, environment))
        {
            await first.StartAsync(ct);
            using var client = first.Client();
            jobId = await ReelgateApi.SubmitLighthouseAsync(client, ct);

            // fal accepted it and is being polled: the checkpoint was written before the first poll.
            await Poll.UntilAsync(() => fake.Of("poll").Any(), TimeSpan.FromSeconds(30), ct, () => "the first status poll");
            await first.KillAsync();
        }

        await using var second = new ServerProcess(data.Path, environment);
        await second.StartAsync(ct);
        var pollsBefore = fake.Of("poll").Count();
        await Poll.UntilAsync(
            () => fake.Of("poll").Count() > pollsBefore,
            TimeSpan.FromSeconds(30),
            ct,
            () => "the restarted server to resume polling");
        fake.Hold = false;
        using var again = second.Client();
        var job = await JsonApi.WaitForFinalAsync(again, jobId, ReelgateApi.JobTimeout, ct);

        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        fake.Of("submit").Count().ShouldBe(1);
        fake.Jobs.Count.ShouldBe(1);
        (await ReelgateApi.OutputAsync(job, ct)).ShouldBe(await File.ReadAllBytesAsync(media.Video, ct));
        (await ReelgateApi.LedgerAsync(again, jobId, ct)).ShouldBe([("hold", "-0.40"), ("release", "0.40"), ("charge", "-0.40")]);
        job["cost"]!["state"]!.GetValue<string>().ShouldBe("charged");
    }
}
