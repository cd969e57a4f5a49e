using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.OpenAiVideos;

/// <summary>Finished videos on the protocol: content variants with Range, the spritesheet ffprobe reads, remix, delete keeping the
/// ledger.</summary>
public sealed class VideoContentTests(ReelgateApp app) : IClassFixture<ReelgateApp>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private static async Task<string> CompletedVideoAsync(TestKey key, string prompt = "a lighthouse")
    {
        var (status, video, response) = await Api.PostJsonAsync(key.Client, "/v1/videos",
            new JsonObject { ["prompt"] = prompt, ["size"] = "640x360", ["audio"] = false });
        response.Dispose();
        status.ShouldBe(HttpStatusCode.OK, video.ToJsonString());
        var id = video["id"]!.GetValue<string>();
        await Api.WaitForAsync(key.Client, id, Deadline, "completed");
        return id;
    }

    [Fact]
    public async Task Content_streams_each_variant_and_serves_ranges_when_the_video_is_completed()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var id = await CompletedVideoAsync(key);
        using var folder = new TempDirectory("video-content");

        var (_, video) = await Api.GetJsonAsync(key.Client, $"/v1/videos/{id}");
        video["status"]!.GetValue<string>().ShouldBe("completed");
        video["progress"]!.GetValue<int>().ShouldBe(100);
        video["expires_at"]!.GetValue<long>().ShouldBe(video["completed_at"]!.GetValue<long>() + (long)TimeSpan.FromDays(7).TotalSeconds);

        foreach (var (variant, type, codec, width, height) in new[]
        {
            ("video", "video/mp4", "h264", 640, 360),
            ("thumbnail", "image/jpeg", "mjpeg", 640, 360),
            ("spritesheet", "image/jpeg", "mjpeg", 5 * 256, 5 * 144),
        })
        {
            using var response = await key.Client.GetAsync($"/v1/videos/{id}/content?variant={variant}", Api.Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, variant);
            response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
            var path = folder.File(variant);
            await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync(Api.Token), Api.Token);
            var probed = await FfprobeReader.ProbeAsync(path, Api.Token);
            probed.Video!.CodecName.ShouldBe(codec, variant);
            (probed.Video.Width, probed.Video.Height).ShouldBe((width, height), variant);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/videos/{id}/content");
        request.Headers.Range = new RangeHeaderValue(0, 99);
        using var partial = await key.Client.SendAsync(request, Api.Token);
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await partial.Content.ReadAsByteArrayAsync(Api.Token)).Length.ShouldBe(100);
        (await Api.GetJsonAsync(key.Client, $"/v1/videos/{id}/content?variant=gif"))
            .ShouldBeError(HttpStatusCode.BadRequest, "invalid_request_error", "invalid_value", "variant");
    }

    [Fact]
    public async Task Remix_queues_a_new_job_with_the_settings_and_seed_of_the_completed_one()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var source = await CompletedVideoAsync(key, "a boat at dawn");

        var (status, remix, response) = await Api.PostJsonAsync(
            key.Client,
            $"/v1/videos/{source}/remix",
            new JsonObject { ["prompt"] = "a boat at night" });
        response.Dispose();

        status.ShouldBe(HttpStatusCode.OK, remix.ToJsonString());
        remix["remixed_from_video_id"]!.GetValue<string>().ShouldBe(source);
        remix["prompt"]!.GetValue<string>().ShouldBe("a boat at night");
        var (_, original) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{source}");
        var (_, copy) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{remix["id"]}");
        copy["request"]!["prompt"] = original["request"]!["prompt"]!.DeepClone();
        copy["request"]!.ToJsonString().ShouldBe(original["request"]!.ToJsonString());
        (await Api.WaitForAsync(key.Client, remix["id"]!.GetValue<string>(), Deadline, "completed"))["cost"]!["state"]!.GetValue<string>()
            .ShouldBe("charged");
        var (_, again) = await Api.GetJsonAsync(key.Client, $"/v1/videos/{remix["id"]}");
        again["remixed_from_video_id"]!.GetValue<string>().ShouldBe(source, "the source is stored with the job");
    }

    [Fact]
    public async Task Delete_removes_the_files_and_keeps_the_record_and_the_ledger()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var id = await CompletedVideoAsync(key);
        var (_, job) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{id}");
        var fileUrl = job["result"]!["outputs"]![0]!["url"]!.GetValue<string>();
        (await key.Client.GetAsync($"/v1/videos/{id}/content?variant=spritesheet", Api.Token)).Dispose();

        using var deleted = await key.Client.DeleteAsync($"/v1/videos/{id}", Api.Token);

        deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.ReadObjectAsync(deleted)).ToJsonString().ShouldBe($$"""{"id":"{{id}}","object":"video.deleted","deleted":true}""");
        foreach (var variant in new[] { "video", "thumbnail", "spritesheet" })
        {
            (await Api.GetJsonAsync(key.Client, $"/v1/videos/{id}/content?variant={variant}"))
                .ShouldBeError(HttpStatusCode.NotFound, "invalid_request_error", "video_content_deleted", "video_id");
        }

        using (var file = await key.Client.GetAsync(new Uri(fileUrl), Api.Token))
        {
            file.StatusCode.ShouldBe(HttpStatusCode.Gone);
        }

        var (_, video) = await Api.GetJsonAsync(key.Client, $"/v1/videos/{id}");
        video["status"]!.GetValue<string>().ShouldBe("completed");
        video["expires_at"]!.GetValue<long>().ShouldBeInRange(
            app.Clock.GetUtcNow().ToUnixTimeSeconds() - 1,
            app.Clock.GetUtcNow().ToUnixTimeSeconds() + 1);
        var (_, after) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{id}");
        after["result"]!["outputs_expired"]!.GetValue<bool>().ShouldBeTrue();
        after["cost"]!["state"]!.GetValue<string>().ShouldBe("charged");
        var (_, usage) = await Api.GetJsonAsync(key.Client, "/v1/usage");
        usage["data"]!.AsArray().Count(e => e!["job_id"]?.GetValue<string>() == id && e["kind"]!.GetValue<string>() == "charge")
            .ShouldBe(1);
        Directory.Exists(Path.Combine(app.DataDirectory, "blobs", "outputs", id)).ShouldBeFalse();
    }
}
