using System.Net;
using Reelgate.Engines.Upstream.Tests.Fakes;
using Reelgate.Engines.Upstream.Tests.Support;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>The built server with the fal engine (fal's protocol on loopback): a user's cancel reaches the provider.</summary>
public sealed class UpstreamCancelTests(MediaFixture media)
{
    private const string Key = "fal-cancel-key:0123456789";

    [Fact]
    public async Task Cancel_asks_fal_to_cancel_the_request_it_accepted_and_releases_the_hold()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeProvider.StartedAsync(new FalFake(media.Video, Key) { Hold = true }, ct);
        await using var server = await ServerProcess.StartOnTempDataAsync("upstream-cancel", FalServerSettings.For(fake.BaseUrl, Key), ct);
        using var client = server.Client();
        var jobId = await ReelgateApi.SubmitLighthouseAsync(client, ct);
        await Poll.UntilAsync(() => fake.Of("poll").Any(), TimeSpan.FromSeconds(30), ct, () => "fal to be polled for the accepted request");

        using var cancel = await client.PostAsync($"/v1/jobs/{jobId}/cancel", null, ct);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync(ct));
        await Poll.UntilAsync(() => fake.Of("cancel").Any(), TimeSpan.FromSeconds(30), ct, () => "the cancel to reach fal");
        var job = await JsonApi.WaitForFinalAsync(client, jobId, ReelgateApi.JobTimeout, ct);

        job["status"]!.GetValue<string>().ShouldBe("cancelled", job.ToJsonString());
        var requestId = fake.Jobs.Single().Id;
        fake.Of("cancel").Single().Path.ShouldEndWith($"/requests/{requestId}/cancel");
        fake.Of("submit").Count().ShouldBe(1);
        (await ReelgateApi.LedgerAsync(client, jobId, ct)).ShouldBe([("hold", "-0.40"), ("release", "0.40")]);
    }
}
