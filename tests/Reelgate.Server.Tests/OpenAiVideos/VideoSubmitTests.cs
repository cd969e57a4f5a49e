using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.OpenAiVideos;

/// <summary>POST /v1/videos with no workers: the mapping onto the card, the protocol's envelope, billing, idempotency, one id
/// space.</summary>
public sealed class VideoSubmitTests(ApiOnlyApp app) : IClassFixture<ApiOnlyApp>
{
    private static async Task<(HttpStatusCode Status, JsonObject Json, HttpResponseMessage Response)> CreateAsync(
        HttpClient client, JsonObject body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/videos")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request, Api.Token);
        return (response.StatusCode, await Api.ReadObjectAsync(response), response);
    }

    [Fact]
    public async Task Create_returns_the_video_object_and_queues_the_mapped_job_when_size_and_seconds_are_exact()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var (status, video, response) = await CreateAsync(key.Client,
            new JsonObject { ["prompt"] = "a red fox", ["size"] = "720x1280", ["seconds"] = "8", ["audio"] = false, ["seed"] = 7 });
        using (response)
        {
            status.ShouldBe(HttpStatusCode.OK, video.ToJsonString());
            response.Headers.Location!.ToString().ShouldBe($"/v1/videos/{video["id"]}");
        }

        video.Select(p => p.Key)
            .ShouldBe(["id", "object", "model", "status", "progress", "created_at", "completed_at", "expires_at", "prompt",
            "size", "seconds", "remixed_from_video_id", "error"]);
        video["object"]!.GetValue<string>().ShouldBe("video");
        video["model"]!.GetValue<string>().ShouldBe("pixverse-v5-6", "the default model when none is named");
        video["status"]!.GetValue<string>().ShouldBe("queued");
        video["size"]!.GetValue<string>().ShouldBe("720x1280");
        video["seconds"]!.GetValue<string>().ShouldBe("8");
        video["created_at"]!.GetValue<long>().ShouldBeInRange(
            app.Clock.GetUtcNow().ToUnixTimeSeconds() - 1,
            app.Clock.GetUtcNow().ToUnixTimeSeconds() + 1);

        var (_, job) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{video["id"]}");
        job["request"]!["resolution"]!.GetValue<string>().ShouldBe("720p");
        job["request"]!["aspect_ratio"]!.GetValue<string>().ShouldBe("9:16");
        job["request"]!["duration"]!.GetValue<string>().ShouldBe("8s");
        job["request"]!["seed"]!.GetValue<int>().ShouldBe(7);
        job["cost"]!["amount"]!.GetValue<string>().ShouldBe("1.30");
        (await Api.GetJsonAsync(key.Client, "/v1/balance")).Json["available"]!.GetValue<string>().ShouldBe("8.70");
    }

    [Fact]
    public async Task Create_types_form_fields_by_the_card_when_the_sdk_sends_multipart()
    {
        using var key = await app.CreateKeyAsync("10.00");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("a paper boat"), "prompt" },
            { new StringContent("960x540"), "size" },
            { new StringContent("false"), "audio" },
            { new StringContent("42"), "seed" },
            { new StringContent("anime"), "style" },
            { new StringContent("order-1"), "metadata[order]" },
        };

        using var response = await key.Client.PostAsync("/v1/videos", form, Api.Token);
        var video = await Api.ReadObjectAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, video.ToJsonString());
        var (_, job) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{video["id"]}");
        job["request"]!["resolution"]!.GetValue<string>().ShouldBe("540p");
        job["request"]!["audio"]!.GetValue<bool>().ShouldBeFalse();
        job["request"]!["seed"]!.GetValue<int>().ShouldBe(42);
        job["request"]!["style"]!.GetValue<string>().ShouldBe("anime");
        job["metadata"]!["order"]!.GetValue<string>().ShouldBe("order-1");
    }

    [Fact]
    public async Task Create_makes_an_i2v_job_from_an_input_reference_file()
    {
        using var key = await app.CreateKeyAsync("10.00");
        using var drawn = NetVips.Image.Black(320, 240, bands: 3).Linear([1.0, 1.0, 1.0], [200.0, 80.0, 40.0]).Cast(
            NetVips.Enums.BandFormat.Uchar);
        using var image = new ByteArrayContent(drawn.PngsaveBuffer());
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("it moves"), "prompt" },
            { new StringContent("360x360"), "size" },
        };
        form.Add(image, "input_reference", "tiny.png");

        using var response = await key.Client.PostAsync("/v1/videos", form, Api.Token);
        var video = await Api.ReadObjectAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, video.ToJsonString());
        var (_, job) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{video["id"]}");
        job["request"]!["mode"]!.GetValue<string>().ShouldBe("i2v");
        job["request"]!["image"]!.GetValue<string>().ShouldStartWith("upl_");
        job["inputs"]!.AsArray().Single()!["role"]!.GetValue<string>().ShouldBe("image");
    }

    [Theory]
    [InlineData("""{"prompt":"x","size":"1024x1792"}""", "size", "invalid_value")]
    [InlineData("""{"prompt":"x","seconds":"12"}""", "seconds", "invalid_value")]
    [InlineData("""{"prompt":"x","size":"1920x1080","seconds":10}""", "seconds", "unsupported_combination")]
    [InlineData("""{"prompt":"x","resolution":"720p"}""", "resolution", "unknown_parameter")]
    [InlineData("""{"prompt":"x","duration":"5s"}""", "duration", "unknown_parameter")]
    [InlineData("""{"prompt":"x","model":"sora-2"}""", "model", "model_not_found")]
    [InlineData("""{"prompt":"x","colour":"red"}""", "colour", "unknown_parameter")]
    [InlineData("""{"size":"640x360"}""", "prompt", "missing_parameter")]
    [InlineData("""{"prompt":"x","input_reference":{"image_url":"ftp://example.com/a.png"}}""", "image", "invalid_value")]
    [InlineData("""{"prompt":"x","input_reference":42}""", "input_reference", "invalid_value")]
    public async Task Create_returns_400_in_the_envelope_naming_the_param_when_a_value_is_refused(string body, string param, string code)
    {
        using var key = await app.CreateKeyAsync("10.00");

        var (status, json, response) = await CreateAsync(key.Client, JsonNode.Parse(body)!.AsObject());
        response.Dispose();

        (status, json).ShouldBeError(HttpStatusCode.BadRequest, "invalid_request_error", code, param);
        json["error"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(["code", "message", "param", "type"]);
        (await Api.GetJsonAsync(key.Client, "/v1/balance")).Json["available"]!.GetValue<string>().ShouldBe("10.00");
    }

    [Fact]
    public async Task Create_returns_402_when_the_key_cannot_pay()
    {
        using var key = await app.CreateKeyAsync("0.50");

        var (status, json, response) = await CreateAsync(key.Client, new JsonObject { ["prompt"] = "x", ["size"] = "1920x1080" });
        response.Dispose();

        (status, json).ShouldBeError(HttpStatusCode.PaymentRequired, "insufficient_credits", "insufficient_credits");
    }

    [Fact]
    public async Task Create_replays_the_first_video_when_the_idempotency_key_and_body_repeat()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var body = new JsonObject { ["prompt"] = "a cat", ["size"] = "640x360" };
        var (_, first, r1) = await CreateAsync(key.Client, body, "video-1");
        r1.Dispose();

        var (status, replay, r2) = await CreateAsync(key.Client, body, "video-1");
        using (r2)
        {
            status.ShouldBe(HttpStatusCode.OK);
            r2.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        }

        replay["id"]!.GetValue<string>().ShouldBe(first["id"]!.GetValue<string>());
        var (conflict, json, r3) = await CreateAsync(key.Client, new JsonObject { ["prompt"] = "a dog", ["size"] = "640x360" }, "video-1");
        r3.Dispose();
        (conflict, json).ShouldBeError(HttpStatusCode.Conflict, "invalid_request_error", "idempotency_key_reused");
        (await Api.GetJsonAsync(key.Client, "/v1/balance")).Json["available"]!.GetValue<string>().ShouldBe(
            "9.20",
            "one 5 s video with audio at 360p");
    }

    [Fact]
    public async Task A_job_made_on_either_api_is_visible_on_both()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var seedJob = await Api.SubmitAsync(
            key.Client,
            Api.Body("a seed job", ("resolution", "540p"), ("aspect_ratio", "1:1"), ("duration", "10s")));
        var (_, video, response) = await CreateAsync(key.Client, new JsonObject { ["prompt"] = "a protocol video" });
        response.Dispose();

        var (status, seen) = await Api.GetJsonAsync(key.Client, $"/v1/videos/{seedJob["job_id"]}");
        status.ShouldBe(HttpStatusCode.OK);
        seen["size"]!.GetValue<string>().ShouldBe("540x540");
        seen["seconds"]!.GetValue<string>().ShouldBe("10");
        (await Api.GetJsonAsync(key.Client, $"/v1/jobs/{video["id"]}")).Status.ShouldBe(HttpStatusCode.OK);
        var (_, list) = await Api.GetJsonAsync(key.Client, "/v1/videos");
        list["data"]!.AsArray().Select(v => v!["id"]!.GetValue<string>()).ShouldBe([
            video["id"]!.GetValue<string>(),
            seedJob["job_id"]!.GetValue<string>()]);
    }

    [Fact]
    public async Task List_pages_in_either_order_with_after_and_the_list_envelope()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var ids = new List<string>();
        foreach (var prompt in new[] { "one", "two", "three" })
        {
            var (_, video, response) = await CreateAsync(key.Client, new JsonObject { ["prompt"] = prompt, ["size"] = "640x360" });
            response.Dispose();
            ids.Add(video["id"]!.GetValue<string>());
        }

        var (_, page) = await Api.GetJsonAsync(key.Client, "/v1/videos?order=asc&limit=2");
        page.Select(p => p.Key).ShouldBe(["object", "data", "first_id", "last_id", "has_more"]);
        page["object"]!.GetValue<string>().ShouldBe("list");
        page["first_id"]!.GetValue<string>().ShouldBe(ids[0]);
        page["last_id"]!.GetValue<string>().ShouldBe(ids[1]);
        page["has_more"]!.GetValue<bool>().ShouldBeTrue();
        var (_, next) = await Api.GetJsonAsync(key.Client, $"/v1/videos?order=asc&limit=2&after={ids[1]}");
        next["data"]!.AsArray().Select(v => v!["id"]!.GetValue<string>()).ShouldBe([ids[2]]);
        next["has_more"]!.GetValue<bool>().ShouldBeFalse();
        var (_, desc) = await Api.GetJsonAsync(key.Client, $"/v1/videos?after={ids[2]}");
        desc["data"]!.AsArray().Select(v => v!["id"]!.GetValue<string>()).ShouldBe([ids[1], ids[0]]);
        (await Api.GetJsonAsync(key.Client, "/v1/videos?order=newest")).ShouldBeError(
            HttpStatusCode.BadRequest,
            "invalid_request_error",
            "invalid_value",
            "order");
        (await Api.GetJsonAsync(key.Client, "/v1/videos?limit=0")).ShouldBeError(
            HttpStatusCode.BadRequest,
            "invalid_request_error",
            "invalid_value",
            "limit");
    }

    [Fact]
    public async Task Delete_and_remix_return_400_when_the_video_is_not_finished()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var (_, video, response) = await CreateAsync(key.Client, new JsonObject { ["prompt"] = "still queued", ["size"] = "640x360" });
        response.Dispose();

        using var deleted = await key.Client.DeleteAsync($"/v1/videos/{video["id"]}", Api.Token);
        (deleted.StatusCode, await Api.ReadObjectAsync(deleted)).ShouldBeError(
            HttpStatusCode.BadRequest,
            "invalid_request_error",
            "video_not_finished",
            "video_id");
        var (status, json, remix) = await Api.PostJsonAsync(
            key.Client,
            $"/v1/videos/{video["id"]}/remix",
            new JsonObject { ["prompt"] = "x" });
        remix.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.BadRequest, "invalid_request_error", "video_not_completed", "video_id");
        (await Api.GetJsonAsync(key.Client, $"/v1/videos/{video["id"]}/content"))
            .ShouldBeError(HttpStatusCode.BadRequest, "invalid_request_error", "video_not_ready", "video_id");
    }

    [Fact]
    public async Task Another_keys_video_is_404()
    {
        using var owner = await app.CreateKeyAsync("10.00");
        using var other = await app.CreateKeyAsync("10.00");
        var (_, video, response) = await CreateAsync(owner.Client, new JsonObject { ["prompt"] = "mine" });
        response.Dispose();

        (await Api.GetJsonAsync(other.Client, $"/v1/videos/{video["id"]}")).ShouldBeError(
            HttpStatusCode.NotFound,
            "invalid_request_error",
            "video_not_found",
            "video_id");
        (await Api.GetJsonAsync(other.Client, "/v1/videos/not-an-id")).ShouldBeError(
            HttpStatusCode.NotFound,
            "invalid_request_error",
            "video_not_found",
            "video_id");
    }
}
