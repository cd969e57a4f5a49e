using System.Net;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>
/// The built server with the fal engine (fal's protocol on loopback) while fal holds an accepted request in flight: a user's
/// cancel reaches the provider, and a server killed with -9 and restarted on the same data resumes the request.
/// </summary>
public sealed class UpstreamInFlightTests(MediaFixture media)
{
    private const string Key = "fal-in-flight-key:0123456789";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cancel_asks_fal_to_cancel_the_request_it_accepted_and_releases_the_hold()
    {
        await using var fake = await StartHeldAsync();
        var settings = FalServerSettings.For(fake.BaseUrl, Key);
        await using var server = await ServerProcess.StartOnTempDataAsync("upstream-cancel", settings, Token);
        using var client = server.Client();
        var jobId = await ReelgateApi.SubmitLighthouseAsync(client, Token);
        await UntilPolledAsync(fake, 0, "fal to be polled for the accepted request");

        using var cancel = await client.PostAsync($"/v1/jobs/{jobId}/cancel", null, Token);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync(Token));
        await Poll.UntilAsync(() => fake.Of("cancel").Any(), TimeSpan.FromSeconds(30), Token, () => "the cancel to reach fal");
        var job = await JsonApi.WaitForFinalAsync(client, jobId, ReelgateApi.JobTimeout, Token);

        job["status"]!.GetValue<string>().ShouldBe("cancelled", job.ToJsonString());
        var requestId = fake.Jobs.Single().Id;
        fake.Of("cancel").Single().Path.ShouldEndWith($"/requests/{requestId}/cancel");
        fake.Of("submit").Count().ShouldBe(1);
        (await ReelgateApi.LedgerAsync(client, jobId, Token)).ShouldBe([("hold", "-0.40"), ("release", "0.40")]);
    }

    [Fact]
    public async Task Job_is_submitted_once_and_charged_once_when_the_server_is_killed_mid_job()
    {
        await using var fake = await StartHeldAsync();
        using var data = new TempDirectory("upstream-restart");
        var environment = FalServerSettings.For(fake.BaseUrl, Key);
        environment["Reelgate__Workers__Lease"] = "00:00:03";
        string jobId;
        await using (var first = new ServerProcess(data.Path, environment))
        {
            await first.StartAsync(Token);
            using var client = first.Client();
            jobId = await ReelgateApi.SubmitLighthouseAsync(client, Token);

            // fal accepted it and is being polled: the checkpoint was written before the first poll.
            await UntilPolledAsync(fake, 0, "the first status poll");
            await first.KillAsync();
        }

        await using var second = new ServerProcess(data.Path, environment);
        await second.StartAsync(Token);
        await UntilPolledAsync(fake, fake.Of("poll").Count(), "the restarted server to resume polling");
        fake.Hold = false;
        using var again = second.Client();
        var job = await JsonApi.WaitForFinalAsync(again, jobId, ReelgateApi.JobTimeout, Token);

        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        fake.Of("submit").Count().ShouldBe(1);
        fake.Jobs.Count.ShouldBe(1);
        (await ReelgateApi.OutputAsync(job, Token)).ShouldBe(await File.ReadAllBytesAsync(media.Video, Token));
        (await ReelgateApi.LedgerAsync(again, jobId, Token)).ShouldBe([("hold", "-0.40"), ("release", "0.40"), ("charge", "-0.40")]);
        job["cost"]!["state"]!.GetValue<string>().ShouldBe("charged");
    }

    /// <summary>fal's fake, holding every request it accepts in flight until the test lets it finish.</summary>
    private Task<FalFake> StartHeldAsync() => FakeProvider.StartedAsync(new FalFake(media.Video, Key) { Hold = true }, Token);

    /// <summary>Waits until fal has been polled more than <paramref name="pollsBefore"/> times.</summary>
    private static Task UntilPolledAsync(FalFake fake, int pollsBefore, string what) =>
        Poll.UntilAsync(() => fake.Of("poll").Count() > pollsBefore, TimeSpan.FromSeconds(30), Token, () => what);
}
