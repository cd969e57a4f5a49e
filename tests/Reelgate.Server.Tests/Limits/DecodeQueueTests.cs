using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Reelgate.Imaging.Normalizing;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Limits;

/// <summary>
/// The image decode queue is bounded: with every slot busy and the line full, an upload or an image input is
/// refused at once with 429. The test holds the one slot itself, as a long decode would.
/// </summary>
public sealed class DecodeQueueTests(DecodeQueueTests.OneSlotApp app) : IClassFixture<DecodeQueueTests.OneSlotApp>
{
    public sealed class OneSlotApp : ReelgateApp
    {
        protected override int Workers => 0;

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Reelgate:Imaging:MaxConcurrentDecodes"] = "1",
            ["Reelgate:Imaging:MaxQueuedDecodes"] = "0",
        };
    }

    [Fact]
    public async Task Upload_and_image_input_get_429_with_Retry_After_when_the_decode_queue_is_full()
    {
        using var key = await app.CreateKeyAsync();
        var queue = app.Services.GetRequiredService<DecodeQueue>();
        var png = TestImages.Png(400, 300);
        var dataUri = "data:image/png;base64," + Convert.ToBase64String(png);

        using (var busy = await queue.TryEnterAsync(Api.Token))
        {
            busy.ShouldNotBeNull();
            var (status, json, retryAfter) = await UploadAsync(key.Client, png);
            (status, json).ShouldBeError(HttpStatusCode.TooManyRequests, "rate_limit_error", "image_queue_full", "file");
            retryAfter.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);

            var (submitStatus, submitted, response) = await Api.PostJsonAsync(key.Client, "/v1/videos/generations",
                Api.Body("x", ("mode", "i2v"), ("image", dataUri), ("resolution", "360p")));
            response.Headers.RetryAfter.ShouldNotBeNull();
            response.Dispose();
            (submitStatus, submitted).ShouldBeError(HttpStatusCode.TooManyRequests, "rate_limit_error", "image_queue_full", "image");
        }

        (await UploadAsync(key.Client, png)).Status.ShouldBe(HttpStatusCode.Created);
        queue.Admitted.ShouldBe(0);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Json, TimeSpan? RetryAfter)> UploadAsync(HttpClient client, byte[] png)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "photo.png");
        using var response = await client.PostAsync("/v1/uploads", form, Api.Token);
        return (response.StatusCode, await Api.ReadObjectAsync(response), response.Headers.RetryAfter?.Delta);
    }
}
