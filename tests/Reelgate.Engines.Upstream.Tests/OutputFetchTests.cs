using System.Text;
using Microsoft.AspNetCore.Http;
using Reelgate.Engines.Upstream.Fal;
using Reelgate.Engines.Upstream.Jobs;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>
/// A provider's output link is fetched like a user's URL: through the guarded connector (public addresses, but for
/// the hosts the operator named; every redirect checked again), and the file is read by ffmpeg as MP4 from the file
/// alone, so a hostile "MP4" cannot make it fetch anything.
/// </summary>
public sealed class OutputFetchTests(MediaFixture media)
{
    private const string Key = "fal-key-id:fal-secret-0123456789";

    [Fact]
    public async Task Render_fails_without_fetching_when_the_output_host_is_private_and_not_allowed_by_the_operator()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeProvider.StartedAsync(new FalFake(media.Video, Key), ct);
        var settings = EngineHost.Settings(FalOptions.SectionName, fake.BaseUrl, Key);
        settings["Reelgate:Upstreams:Outputs:PrivateHosts:0"] = "provider.internal.example";
        await using var host = new EngineHost(settings);

        var outcome = await host.Engine("fal").RenderAsync(host.Job(Specs.TextToVideo()), ct);

        outcome.ShouldBeFailed(UpstreamErrors.OutputUnavailable, retryable: false).Error.Message.ShouldContain("loopback");
        fake.Of("download").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_fails_without_fetching_when_the_output_link_redirects_to_a_private_host_not_allowed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeProvider.StartedAsync(new FalFake(media.Video, Key), ct);
        await using var inside = LoopbackHttpServer.Start();
        inside.MapBytes("/internal.mp4", await File.ReadAllBytesAsync(media.Video, ct), "video/mp4");
        fake.Fault("download", context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = $"http://localhost:{inside.Port}/internal.mp4";
            return Task.CompletedTask;
        });
        await using var host = Host(fake);

        var outcome = await host.Engine("fal").RenderAsync(host.Job(Specs.TextToVideo()), ct);

        outcome.ShouldBeFailed(UpstreamErrors.OutputUnavailable, retryable: false);
        fake.Of("download").ShouldHaveSingleItem();
        inside.ConnectionCount.ShouldBe(0);
    }

    [Theory]
    [InlineData("hls")]
    [InlineData("concat")]
    public async Task Render_fails_and_ffmpeg_fetches_nothing_when_the_output_is_a_playlist_posing_as_an_MP4(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeProvider.StartedAsync(new FalFake(media.Video, Key), ct);
        await using var listener = LoopbackHttpServer.Start();
        listener.MapBytes("/segment.ts", await File.ReadAllBytesAsync(media.Video, ct), "video/mp4");
        var target = listener.Url("/segment.ts").AbsoluteUri;
        var body = kind == "hls"
            ? $"#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n{target}\n#EXT-X-ENDLIST\n"
            : $"ffconcat version 1.0\nfile '{target}'\n";
        fake.Fault("download", async context =>
        {
            context.Response.ContentType = "video/mp4";
            await context.Response.WriteAsync(body, Encoding.ASCII, context.RequestAborted);
        });
        await using var host = Host(fake);

        var outcome = await host.Engine("fal").RenderAsync(host.Job(Specs.TextToVideo()), ct);

        outcome.ShouldBeFailed(UpstreamErrors.Error, retryable: false).Error.Message.ShouldContain("not a readable video");
        listener.ConnectionCount.ShouldBe(0);
    }

    [Fact]
    public async Task Render_keeps_the_output_when_the_link_redirects_within_allowed_hosts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeProvider.StartedAsync(new FalFake(media.Video, Key), ct);
        await using var mirror = LoopbackHttpServer.Start();
        mirror.MapBytes("/mirror.mp4", await File.ReadAllBytesAsync(media.Video, ct), "video/mp4");
        fake.Fault("download", context =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = mirror.Url("/mirror.mp4").AbsoluteUri;
            return Task.CompletedTask;
        });
        await using var host = Host(fake);

        var outcome = await host.Engine("fal").RenderAsync(host.Job(Specs.TextToVideo()), ct);

        outcome.ShouldBeRendered().ShouldHoldOutput(media.Video);
        mirror.ConnectionCount.ShouldBe(1);
    }

    private static EngineHost Host(FalFake fake) => new(EngineHost.Settings(FalOptions.SectionName, fake.BaseUrl, Key));
}
