using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests.OpenAiVideos;

/// <summary>
/// The official OpenAI SDK for JavaScript (npm "openai", pinned in tools/package-lock.json) against the built server:
/// tools/openai-videos-sdk.mjs creates videos (the SDK's multipart, an image file, an image URL, JSON), polls them
/// with retrieve, downloads every variant, pages the list, remixes, deletes and provokes errors; this test reads its
/// report, probes the downloaded files with ffprobe and checks the same jobs on the seed's API.
/// </summary>
public sealed class OpenAiNodeSdkTests
{
    [Fact]
    public async Task Sdk_creates_polls_downloads_lists_remixes_and_deletes_when_pointed_at_reelgate()
    {
        var token = TestContext.Current.CancellationToken;
        await using var reelgate = await OpenAiVideoServer.StartAsync(token);
        var output = reelgate.Folder("downloads");
        var script = Path.Combine(RepositoryPaths.Root, "tools", "openai-videos-sdk.mjs");
        var run = await Cli.Wrap("node")
            .WithArguments([script, reelgate.Server.BaseAddress.ToString().TrimEnd('/'), reelgate.Key, output, reelgate.ReferenceImage])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(token);
        run.ExitCode.ShouldBe(0, run.StandardError + "\n" + string.Join('\n', reelgate.Server.Output.TakeLast(40)));
        var report = JsonNode.Parse(run.StandardOutput)!.AsObject();

        var created = report["created"]!.AsObject();
        foreach (var (name, video) in created)
        {
            video!["object"]!.GetValue<string>().ShouldBe("video", name);
            video["id"]!.GetValue<string>().ShouldStartWith("job_");
            video["status"]!.GetValue<string>().ShouldBeOneOf("queued", "in_progress");
            video["model"]!.GetValue<string>().ShouldBe("pixverse-v5-6");
        }

        var finished = report["finished"]!.AsObject();
        foreach (var (name, video) in finished)
        {
            video!["status"]!.GetValue<string>().ShouldBe("completed", name);
            video["progress"]!.GetValue<int>().ShouldBe(100);
            video["completed_at"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(video["created_at"]!.GetValue<long>());
            video["expires_at"]!.GetValue<long>().ShouldBeGreaterThan(video["completed_at"]!.GetValue<long>());
        }

        finished["text"]!["size"]!.GetValue<string>().ShouldBe("640x360");
        finished["file"]!["size"]!.GetValue<string>().ShouldBe("360x640");
        finished["url"]!["size"]!.GetValue<string>().ShouldBe("360x360");
        finished["url"]!["seconds"]!.GetValue<string>().ShouldBe("5");
        finished["json"]!["size"]!.GetValue<string>().ShouldBe("480x360");

        // The same jobs on the seed's API: the mapped parameters, the extra fields, the image input, the charge.
        var textJob = await reelgate.JobAsync(created["text"]!["id"]!.GetValue<string>(), token);
        textJob["request"]!["resolution"]!.GetValue<string>().ShouldBe("360p");
        textJob["request"]!["aspect_ratio"]!.GetValue<string>().ShouldBe("16:9");
        textJob["request"]!["audio"]!.GetValue<bool>().ShouldBeFalse();
        textJob["cost"]!["state"]!.GetValue<string>().ShouldBe("charged");
        var fileJob = await reelgate.JobAsync(created["file"]!["id"]!.GetValue<string>(), token);
        fileJob["request"]!["mode"]!.GetValue<string>().ShouldBe("i2v");
        fileJob["inputs"]!.AsArray().Count.ShouldBe(1);
        (await reelgate.JobAsync(created["url"]!["id"]!.GetValue<string>(), token))["request"]!["mode"]!.GetValue<string>().ShouldBe("i2v");
        (await reelgate.JobAsync(created["json"]!["id"]!.GetValue<string>(), token))["request"]!["style"]!.GetValue<string>().ShouldBe(
            "clay");

        var files = report["files"]!.AsObject();
        files["video"]!["contentType"]!.GetValue<string>().ShouldBe("video/mp4");
        var video_ = await FfprobeReader.ProbeAsync(files["video"]!["file"]!.GetValue<string>(), token);
        video_.Video!.CodecName.ShouldBe("h264");
        (video_.Video.Width, video_.Video.Height).ShouldBe((640, 360));
        video_.Duration.ShouldBe(5, 0.2);
        video_.Audio.ShouldBeNull();
        var thumbnail = await FfprobeReader.ProbeAsync(files["thumbnail"]!["file"]!.GetValue<string>(), token);
        thumbnail.Video!.CodecName.ShouldBe("mjpeg");
        (thumbnail.Video.Width, thumbnail.Video.Height).ShouldBe((640, 360));
        var spritesheet = await FfprobeReader.ProbeAsync(files["spritesheet"]!["file"]!.GetValue<string>(), token);
        spritesheet.Video!.CodecName.ShouldBe("mjpeg");
        (spritesheet.Video.Width, spritesheet.Video.Height).ShouldBe((5 * 256, 5 * 144), "5 x 5 tiles, 256 px on the long side");
        var imageVideo = await FfprobeReader.ProbeAsync(files["image_video"]!["file"]!.GetValue<string>(), token);
        (imageVideo.Video!.Width, imageVideo.Video.Height).ShouldBe((360, 640));

        var ids = new[] { "text", "file", "url", "json" }.Select(n => created[n]!["id"]!.GetValue<string>()).ToList();
        var pages = report["pages"]!.AsObject();
        pages["first"]!["ids"]!.AsArray().Select(i => i!.GetValue<string>()).ShouldBe([ids[0]]);
        pages["first"]!["has_more"]!.GetValue<bool>().ShouldBeTrue();
        pages["asc"]!.AsArray().Select(i => i!.GetValue<string>()).ShouldBe(ids);
        pages["desc"]!.AsArray().Select(i => i!.GetValue<string>()).ShouldBe(Enumerable.Reverse(ids));

        var remix = report["remix_finished"]!.AsObject();
        remix["status"]!.GetValue<string>().ShouldBe("completed");
        remix["remixed_from_video_id"]!.GetValue<string>().ShouldBe(ids[0]);
        remix["prompt"]!.GetValue<string>().ShouldBe("a paper boat on a river at night");
        remix["size"]!.GetValue<string>().ShouldBe("640x360");
        var remixJob = await reelgate.JobAsync(remix["id"]!.GetValue<string>(), token);
        remixJob["request"]!["seed"]!.GetValue<int>().ShouldBe(textJob["request"]!["seed"]!.GetValue<int>());
        remixJob["cost"]!["state"]!.GetValue<string>().ShouldBe("charged");

        report["deleted"]!.ToJsonString().ShouldBe($$"""{"id":"{{ids[0]}}","object":"video.deleted","deleted":true}""");
        report["after_delete"]!["status"]!.GetValue<string>().ShouldBe("completed");
        var afterDelete = await reelgate.JobAsync(ids[0], token);
        afterDelete["result"]!["outputs_expired"]!.GetValue<bool>().ShouldBeTrue();
        afterDelete["cost"]!["state"]!.GetValue<string>().ShouldBe("charged", "the ledger is kept");

        var errors = report["errors"]!.AsObject();
        ShouldBeError(errors, "content_after_delete", "NotFoundError", 404, "video_id");
        ShouldBeError(errors, "unknown_video", "NotFoundError", 404, "video_id");
        ShouldBeError(errors, "bad_size", "BadRequestError", 400, "size");
        errors["bad_size"]!["message"]!.GetValue<string>().ShouldContain("1920x1080");
        ShouldBeError(errors, "bad_seconds", "BadRequestError", 400, "seconds");
        errors["bad_seconds"]!["message"]!.GetValue<string>().ShouldContain("5, 8, 10");
        ShouldBeError(errors, "bad_model", "BadRequestError", 400, "model");
        ShouldBeError(errors, "ten_seconds_at_1080p", "BadRequestError", 400, "seconds");
        errors["ten_seconds_at_1080p"]!["message"]!.GetValue<string>().ShouldContain("use 5 or 8");
        ShouldBeError(errors, "bad_variant", "BadRequestError", 400, "variant");
        ShouldBeError(errors, "bad_cursor", "BadRequestError", 400, "after");
        ShouldBeError(errors, "delete_unknown", "NotFoundError", 404, "video_id");
        ShouldBeError(errors, "wrong_key", "AuthenticationError", 401, null);
    }

    private static void ShouldBeError(JsonObject errors, string name, string errorClass, int status, string? param)
    {
        var error = errors[name]!.AsObject();
        error["class"]!.GetValue<string>().ShouldBe(errorClass, $"{name}: {error.ToJsonString()}");
        error["status"]!.GetValue<int>().ShouldBe(status, name);
        error["param"]?.GetValue<string>().ShouldBe(param, name);
        error["type"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        error["code"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }
}
