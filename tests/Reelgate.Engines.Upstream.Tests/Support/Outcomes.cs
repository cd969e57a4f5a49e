using Reelgate.Core.Engines;

namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>Shorthands to read a render's outcome in assertions.</summary>
public static class Outcomes
{
    public static RenderOutcome.Rendered ShouldBeRendered(this RenderOutcome outcome) =>
        outcome as RenderOutcome.Rendered ?? throw new Xunit.Sdk.XunitException($"expected a video, got {outcome}");

    public static RenderOutcome.Failed ShouldBeFailed(this RenderOutcome outcome, string code, bool retryable)
    {
        var failed = outcome as RenderOutcome.Failed ?? throw new Xunit.Sdk.XunitException($"expected a failure {code}, got {outcome}");
        failed.Error.Code.ShouldBe(code, failed.Error.Message);
        failed.Retryable.ShouldBe(retryable, failed.Error.Message);
        return failed;
    }

    /// <summary>The video is the provider's bytes exactly, and the poster is a JPEG taken from it.</summary>
    public static void ShouldHoldOutput(this RenderOutcome.Rendered rendered, string providerVideo)
    {
        File.ReadAllBytes(rendered.VideoPath).ShouldBe(File.ReadAllBytes(providerVideo));
        rendered.PosterPath.ShouldNotBeNull();
        var poster = File.ReadAllBytes(rendered.PosterPath);
        poster.Length.ShouldBeGreaterThan(100);
        poster[..2].ShouldBe(new byte[] { 0xFF, 0xD8 });
        rendered.Thinking.ShouldBeNull();
    }
}
