using System.Net;
using System.Net.Http.Headers;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.Jobs;

/// <summary>Submit, poll to completion, download: the seed's loop, with real files read back by ffprobe.</summary>
public sealed class JobLifecycleTests(ReelgateApp app) : IClassFixture<ReelgateApp>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Job_completes_with_a_signed_video_url_that_downloads_without_a_key()
    {
        using var key = await app.CreateKeyAsync();
        var submitted = await Api.SubmitAsync(
            key.Client,
            Api.Body("waves", ("resolution", "360p"), ("aspect_ratio", "9:16"), ("audio", true)));
        var job = await Api.WaitForAsync(key.Client, submitted["job_id"]!.GetValue<string>(), Deadline, "completed", "failed");

        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        job["progress"]!.GetValue<int>().ShouldBe(100);
        job["cost"]!["state"]!.GetValue<string>().ShouldBe("charged");
        job["started_at"].ShouldNotBeNull();
        job["completed_at"].ShouldNotBeNull();
        var result = job["result"]!.AsObject();
        var completedAt = DateTimeOffset.Parse(job["completed_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset.Parse(result["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(
            completedAt.AddDays(7));
        var outputs = result["outputs"]!.AsArray();
        var video = outputs.Single(o => o!["type"]!.GetValue<string>() == "video")!.AsObject();
        video["content_type"]!.GetValue<string>().ShouldBe("video/mp4");
        video["width"]!.GetValue<int>().ShouldBe(360);
        video["height"]!.GetValue<int>().ShouldBe(640);
        video["fps"]!.GetValue<double>().ShouldBe(24);
        video["duration_seconds"]!.GetValue<double>().ShouldBe(5.0, 0.05);
        video["has_audio"]!.GetValue<bool>().ShouldBeTrue();
        var poster = outputs.Single(o => o!["type"]!.GetValue<string>() == "image")!.AsObject();
        poster["role"]!.GetValue<string>().ShouldBe("poster");
        poster["content_type"]!.GetValue<string>().ShouldBe("image/jpeg");

        var url = new Uri(video["url"]!.GetValue<string>());
        url.IsAbsoluteUri.ShouldBeTrue();
        using var anonymous = app.ClientWith(null);
        using var download = await anonymous.GetAsync(url.PathAndQuery, Api.Token);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("video/mp4");
        download.Headers.AcceptRanges.ShouldContain("bytes");
        var bytes = await download.Content.ReadAsByteArrayAsync(Api.Token);
        bytes.LongLength.ShouldBe(video["bytes"]!.GetValue<long>());

        using var folder = new TempDirectory("download");
        var file = folder.File("clip.mp4");
        await File.WriteAllBytesAsync(file, bytes, Api.Token);
        var probed = await FfprobeReader.ProbeAsync(file, Api.Token);
        probed.Video!.Width.ShouldBe(360);
        probed.Video.Height.ShouldBe(640);
        probed.Video.FrameCount.ShouldBe(120);
        probed.Audio!.CodecName.ShouldBe("aac");
    }

    [Fact]
    public async Task Download_serves_a_range_with_206_and_the_exact_bytes()
    {
        using var key = await app.CreateKeyAsync();
        var url = await CompletedVideoUrlAsync(key);
        using var anonymous = app.ClientWith(null);
        var whole = await anonymous.GetByteArrayAsync(url, Api.Token);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(100, 1099);
        using var partial = await anonymous.SendAsync(request, Api.Token);
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        partial.Content.Headers.ContentRange!.From.ShouldBe(100);
        partial.Content.Headers.ContentRange.To.ShouldBe(1099);
        partial.Content.Headers.ContentRange.Length.ShouldBe(whole.LongLength);
        (await partial.Content.ReadAsByteArrayAsync(Api.Token)).ShouldBe(whole[100..1100]);

        using var tail = new HttpRequestMessage(HttpMethod.Get, url);
        tail.Headers.Range = new RangeHeaderValue(null, 10);
        using var tailResponse = await anonymous.SendAsync(tail, Api.Token);
        (await tailResponse.Content.ReadAsByteArrayAsync(Api.Token)).ShouldBe(whole[^10..]);

        using var beyond = new HttpRequestMessage(HttpMethod.Get, url);
        beyond.Headers.Range = new RangeHeaderValue(whole.LongLength + 10, null);
        using var beyondResponse = await anonymous.SendAsync(beyond, Api.Token);
        beyondResponse.StatusCode.ShouldBe(HttpStatusCode.RequestedRangeNotSatisfiable);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("expires")]
    [InlineData("path")]
    [InlineData("missing")]
    public async Task Download_returns_403_when_the_url_is_tampered(string part)
    {
        using var key = await app.CreateKeyAsync();
        var url = await CompletedVideoUrlAsync(key);
        var tampered = part switch
        {
            "signature" => url[..^4] + (url[^4..] == "0000" ? "1111" : "0000"),
            "expires" => url.Replace("expires=", "expires=9", StringComparison.Ordinal),
            "path" => url.Replace("video.mp4", "poster.jpg", StringComparison.Ordinal),
            _ => url[..url.IndexOf('?', StringComparison.Ordinal)],
        };
        using var anonymous = app.ClientWith(null);
        using var response = await anonymous.GetAsync(tampered, Api.Token);
        (response.StatusCode, await Api.ReadObjectAsync(response)).ShouldBeError(
            HttpStatusCode.Forbidden,
            "permission_error",
            "invalid_signature");
    }

    [Fact]
    public async Task Download_returns_410_when_the_url_has_expired()
    {
        using var expiring = new ReelgateApp();
        using var key = await expiring.CreateKeyAsync();
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("x", ("resolution", "360p"), ("audio", false)));
        var job = await Api.WaitForAsync(key.Client, submitted["job_id"]!.GetValue<string>(), Deadline, "completed");
        var url = new Uri(job["result"]!["outputs"]![0]!["url"]!.GetValue<string>()).PathAndQuery;
        using var anonymous = expiring.ClientWith(null);
        (await anonymous.GetAsync(url, Api.Token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        expiring.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        using var response = await anonymous.GetAsync(url, Api.Token);
        (response.StatusCode, await Api.ReadObjectAsync(response)).ShouldBeError(
            HttpStatusCode.Gone,
            "invalid_request_error",
            "output_expired");
    }

    [Fact]
    public async Task Job_fails_with_the_engine_error_and_releases_the_hold()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("x [fail:content_moderation]", ("resolution", "360p")));
        var job = await Api.WaitForAsync(key.Client, submitted["job_id"]!.GetValue<string>(), Deadline, "failed", "completed");
        job["status"]!.GetValue<string>().ShouldBe("failed");
        job["error"]!["code"]!.GetValue<string>().ShouldBe("content_moderation");
        job["cost"]!["state"]!.GetValue<string>().ShouldBe("released");
        job["result"].ShouldBeNull();
        var (_, balance) = await Api.GetJsonAsync(key.Client, "/v1/balance");
        balance["available"]!.GetValue<string>().ShouldBe("10.00");
        balance["held"]!.GetValue<string>().ShouldBe("0.00");
    }

    [Fact]
    public async Task Job_is_retried_up_to_the_attempt_limit_then_fails_once()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("x [retry]", ("resolution", "360p")));
        var jobId = submitted["job_id"]!.GetValue<string>();
        var job = await Api.WaitForAsync(key.Client, jobId, Deadline, "failed", "completed");
        job["error"]!["code"]!.GetValue<string>().ShouldBe("transient");
        app.Engine.Started.Count(id => id == jobId).ShouldBe(3);
        var (_, balance) = await Api.GetJsonAsync(key.Client, "/v1/balance");
        balance["available"]!.GetValue<string>().ShouldBe("10.00");
    }

    private static async Task<string> CompletedVideoUrlAsync(TestKey key)
    {
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("x", ("resolution", "360p"), ("audio", false)));
        var job = await Api.WaitForAsync(key.Client, submitted["job_id"]!.GetValue<string>(), Deadline, "completed", "failed");
        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        return new Uri(job["result"]!["outputs"]![0]!["url"]!.GetValue<string>()).PathAndQuery;
    }
}
