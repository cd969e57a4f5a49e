#pragma warning disable OPENAI001 // the library marks VideoClient as for evaluation; it is what it offers for this protocol
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using OpenAI.Videos;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests.OpenAiVideos;

/// <summary>
/// The official .NET library (NuGet "OpenAI"): its VideoClient has protocol methods only (bodies in, raw JSON out),
/// and against the built server they create (JSON and multipart with an image file), poll, download, page, remix,
/// delete and fail with the library's ClientResultException carrying the status.
/// </summary>
public sealed class OpenAiDotnetTests
{
    [Fact]
    public async Task VideoClient_creates_polls_downloads_lists_remixes_and_deletes_when_pointed_at_reelgate()
    {
        var token = TestContext.Current.CancellationToken;
        await using var reelgate = await OpenAiVideoServer.StartAsync(token);
        var client = new VideoClient(new ApiKeyCredential(reelgate.Key), new VideoClientOptions
        {
            Endpoint = new Uri(reelgate.Server.BaseAddress, "/v1"),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });

        var json = await client.CreateVideoAsync(Json(new JsonObject
        {
            ["prompt"] = "a lighthouse in fog",
            ["size"] = "640x360",
            ["seconds"] = "5",
            ["audio"] = false,
        }),
            "application/json", Options(token));
        var fromJson = Read(json);
        fromJson["object"]!.GetValue<string>().ShouldBe("video");

        using var form = new MultipartFormDataContent
        {
            { new StringContent("the picture comes alive"), "prompt" },
            { new StringContent("360x640"), "size" },
            { new StringContent("false"), "audio" },
        };
        var image = new ByteArrayContent(await File.ReadAllBytesAsync(reelgate.ReferenceImage, token));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "input_reference", "reference.png");
        var multipart = await client.CreateVideoAsync(BinaryContent.Create(BinaryData.FromBytes(await form.ReadAsByteArrayAsync(token))),
            form.Headers.ContentType!.ToString(), Options(token));
        var fromForm = Read(multipart);

        var ids = new[] { fromJson, fromForm }.Select(v => v["id"]!.GetValue<string>()).ToList();
        foreach (var id in ids)
        {
            (await WaitAsync(client, id, token))["status"]!.GetValue<string>().ShouldBe("completed");
        }

        (await WaitAsync(client, ids[1], token))["size"]!.GetValue<string>().ShouldBe("360x640");
        var folder = reelgate.Folder("dotnet");
        foreach (var variant in new[] { "video", "thumbnail", "spritesheet" })
        {
            var content = await client.DownloadVideoAsync(ids[0], variant, Options(token));
            var path = Path.Combine(folder, variant);
            await File.WriteAllBytesAsync(path, content.GetRawResponse().Content.ToArray(), token);
            var probed = await FfprobeReader.ProbeAsync(path, token);
            probed.Video!.CodecName.ShouldBe(variant == "video" ? "h264" : "mjpeg");
        }

        // Paging by hand: the library's collection gives one page; after = the page's last_id.
        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var pages = client.GetVideosAsync(limit: 1, order: "asc", after: after, options: Options(token)).GetRawPagesAsync();
            await using var pageEnumerator = pages.GetAsyncEnumerator(token);
            (await pageEnumerator.MoveNextAsync()).ShouldBeTrue();
            var page = Read(pageEnumerator.Current);
            page["object"]!.GetValue<string>().ShouldBe("list");
            seen.AddRange(page["data"]!.AsArray().Select(v => v!["id"]!.GetValue<string>()));
            if (!page["has_more"]!.GetValue<bool>())
            {
                break;
            }

            after = page["last_id"]!.GetValue<string>();
        }

        seen.ShouldBe(ids);

        var remix = Read(await client.CreateVideoRemixAsync(
            ids[0],
            Json(new JsonObject { ["prompt"] = "a lighthouse at night" }),
            "application/json",
            Options(token)));
        remix["remixed_from_video_id"]!.GetValue<string>().ShouldBe(ids[0]);
        (await WaitAsync(client, remix["id"]!.GetValue<string>(), token))["status"]!.GetValue<string>().ShouldBe("completed");

        Read(await client.DeleteVideoAsync(ids[0], Options(token)))["deleted"]!.GetValue<bool>().ShouldBeTrue();
        var gone = await Should.ThrowAsync<ClientResultException>(() => client.DownloadVideoAsync(ids[0], "video", Options(token)));
        gone.Status.ShouldBe(404);
        var unknown = await Should.ThrowAsync<ClientResultException>(() => client.GetVideoAsync(
            "job_00000000000000000000000000",
            Options(token)));
        unknown.Status.ShouldBe(404);
        var badSize = await Should.ThrowAsync<ClientResultException>(() =>
            client.CreateVideoAsync(Json(new JsonObject { ["prompt"] = "x", ["size"] = "1792x1024" }), "application/json", Options(token)));
        badSize.Status.ShouldBe(400);
        Read(badSize.GetRawResponse()!)["error"]!["param"]!.GetValue<string>().ShouldBe("size");
    }

    private static RequestOptions Options(CancellationToken token) => new() { CancellationToken = token };

    private static BinaryContent Json(JsonObject body) => BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));

    private static JsonObject Read(ClientResult result) => Read(result.GetRawResponse());

    private static JsonObject Read(PipelineResponse response) => JsonNode.Parse(response.Content.ToString())!.AsObject();

    private static Task<JsonObject> WaitAsync(VideoClient client, string id, CancellationToken token) =>
        Poll.UntilAsync(
            async () => Read(await client.GetVideoAsync(id, Options(token))) is var video
                && video["status"]!.GetValue<string>() is "completed" or "failed" ? video : null,
            TimeSpan.FromMinutes(4),
            token,
            () => $"video {id} did not finish");
}
