using Reelgate.Core.Engines;
using Reelgate.Engines.Upstream.Jobs;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>Failures every hosted provider's engine reports alike; each row runs against that provider's fake on loopback.</summary>
public sealed class HostedProviderFailureTests(MediaFixture media)
{
    [Theory]
    [InlineData("fal", "fal", "content checker")]
    [InlineData("pixverse", "PixVerse", null)]
    [InlineData("replicate", "Replicate", "E005")]
    public async Task Render_fails_content_moderation_when_the_provider_moderates_the_result(string engine, string says, string? alsoSays)
    {
        await using var provider = await HostedProvider.StartAsync(engine, media.Video);
        provider.Fake.Ending = FakeEnding.Moderated;

        var failed = (await provider.Engine.RenderAsync(provider.Host.Job(Specs.TextToVideo()), Token)).ShouldBeFailed(
            UpstreamErrors.Moderation,
            retryable: false);

        ShouldSay(failed, says, alsoSays);
    }

    [Theory]
    [InlineData("replicate", "may have accepted the job", "did not submit it again")]
    [InlineData("empiriolabs", "EmpirioLabs", null)]
    public async Task Render_fails_upstream_uncertain_without_resubmitting_when_the_submission_times_out(
        string engine, string says, string? alsoSays)
    {
        await using var provider = await HostedProvider.StartAsync(engine, media.Video, ("RequestTimeout", "00:00:03"));
        provider.Fake.FaultSlow("submit", TimeSpan.FromSeconds(20));
        var job = provider.Host.Job(Specs.TextToVideo());

        var failed = (await provider.Engine.RenderAsync(job, Token)).ShouldBeFailed(UpstreamErrors.Uncertain, retryable: false);

        ShouldSay(failed, says, alsoSays);
        provider.Fake.Of("submit").Count().ShouldBe(1);
        job.Checkpoint.Saved.ShouldBeNull();
    }

    [Theory]
    [InlineData("fal", "00:00:00.500", "/fal-ai/pixverse/requests/req-1/cancel", "it was asked to cancel it")]
    [InlineData("replicate", "00:00:00.400", "/v1/predictions/pred1/cancel", null)]
    public async Task Render_fails_timed_out_and_cancels_upstream_when_the_job_never_finishes(
        string engine, string timeout, string cancelPath, string? says)
    {
        await using var provider = await HostedProvider.StartAsync(engine, media.Video, ("Timeout", timeout));
        provider.Fake.Ending = FakeEnding.Never;

        var failed = (await provider.Engine.RenderAsync(provider.Host.Job(Specs.TextToVideo()), Token)).ShouldBeFailed(
            UpstreamErrors.TimedOut,
            retryable: false);

        provider.Fake.Of("cancel").ShouldHaveSingleItem().Path.ShouldBe(cancelPath);
        ShouldSay(failed, says);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The failure's message holds each part the row names (a row names none, one or two).</summary>
    private static void ShouldSay(RenderOutcome.Failed failed, params string?[] parts)
    {
        foreach (var part in parts.OfType<string>())
        {
            failed.Error.Message.ShouldContain(part);
        }
    }
}
