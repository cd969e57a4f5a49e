using System.Security.Cryptography;
using Reelgate.Client.Downloads;
using Reelgate.Client.Models;
using Reelgate.Testing;

namespace Reelgate.Client.Tests;

/// <summary>DownloadAsync streams the output to a file and resumes with Range when the transfer is cut.</summary>
public sealed class DownloadTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task DownloadAsync_resumes_with_Range_and_writes_the_exact_original_when_the_body_is_cut_midway()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory("download");
        await using var proxy = await FaultProxy.StartAsync(server.BaseAddress);
        var (rendered, key) = await server.CompletedJobAsync();
        using var client = server.Client(key, proxy.BaseAddress);
        var job = await client.GetJobAsync(rendered.JobId, ct);
        var video = job.Video!;
        new Uri(video.Url).Port.ShouldBe(proxy.BaseAddress.Port);
        var original = await OriginalAsync(video, ct);
        proxy.Add(
            new FaultRule(r => r.Path.StartsWith("/files/", StringComparison.Ordinal), FaultKind.CutBody, times: 2)
            {
                CutAfterBytes = original.Length / 3,

                // The client must see each response start, or it retries the request instead of resuming the body.
                PauseBeforeCut = TimeSpan.FromMilliseconds(250),
            });
        var reports = new List<DownloadProgress>();

        var result = await client.DownloadAsync(job, folder.File("clip.mp4"), new Sync(reports), ct);

        result.Resumes.ShouldBe(2);
        result.Bytes.ShouldBe(original.Length);
        SHA256.HashData(await File.ReadAllBytesAsync(result.Path, ct)).ShouldBe(SHA256.HashData(original));
        File.Exists(result.Path + ".part").ShouldBeFalse();
        var fetches = proxy.Requests.Where(r => r.Path.StartsWith("/files/", StringComparison.Ordinal)).ToList();
        fetches.Count.ShouldBe(3);
        fetches[0].Header("Range").ShouldBeNull();
        var firstResume = RangeStart(fetches[1]);
        firstResume.ShouldBeInRange(1, original.Length / 3);
        fetches[1].Header("If-Range").ShouldNotBeNull();
        RangeStart(fetches[2]).ShouldBeInRange(firstResume + 1, firstResume + (original.Length / 3));
        reports.Last().BytesWritten.ShouldBe(original.Length);
        reports.Last().TotalBytes.ShouldBe(original.Length);
        (await FfprobeReader.ProbeAsync(result.Path, ct)).Video!.Width.ShouldBe(360);
    }

    [Fact]
    public async Task DownloadAsync_throws_a_connection_error_and_keeps_no_file_when_every_resume_is_cut()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory("download");
        await using var proxy = await FaultProxy.StartAsync(server.BaseAddress);
        var (rendered, key) = await server.CompletedJobAsync();
        using var client = server.Client(key, proxy.BaseAddress, o => o.MaxRetries = 2);
        var job = await client.GetJobAsync(rendered.JobId, ct);
        proxy.Add(
            new FaultRule(r => r.Path.StartsWith("/files/", StringComparison.Ordinal), FaultKind.CutBody, int.MaxValue)
            {
                CutAfterBytes = 1000,
            });

        var error = await Should.ThrowAsync<ReelgateException>(() => client.DownloadAsync(
            job,
            folder.File("clip.mp4"),
            cancellationToken: ct));

        error.Type.ShouldBe(ReelgateErrorTypes.ConnectionError);
        File.Exists(folder.File("clip.mp4")).ShouldBeFalse();
    }

    [Fact]
    public async Task DownloadAsync_sends_no_api_key_to_the_signed_output_url_when_it_is_on_another_host()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory("download");
        await using var proxy = await FaultProxy.StartAsync(server.BaseAddress);
        var (job, key) = await server.CompletedJobAsync();
        using var client = server.Client(key);
        var elsewhere = new UriBuilder(job.Video!.Url) { Port = proxy.BaseAddress.Port }.Uri;

        var result = await client.DownloadAsync(elsewhere, folder.File("clip.mp4"), cancellationToken: ct);

        result.Bytes.ShouldBe(job.Video.Bytes);
        proxy.Requests.Single().Header("Authorization").ShouldBeNull();
    }

    /// <summary>The first byte a resumed request asked for: "bytes=N-".</summary>
    private static long RangeStart(ProxiedRequest request)
    {
        var range = request.Header("Range") ?? throw new ShouldAssertException("no Range header on the resumed request");
        range.ShouldStartWith("bytes=");
        range.ShouldEndWith("-");
        return long.Parse(range[6..^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<byte[]> OriginalAsync(JobOutput video, CancellationToken ct)
    {
        using var http = new HttpClient();
        var direct = new UriBuilder(video.Url) { Port = server.BaseAddress.Port }.Uri;
        return await http.GetByteArrayAsync(direct, ct);
    }

    private sealed class Sync(List<DownloadProgress> into) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => into.Add(value);
    }
}
