using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.Generations;

/// <summary>
/// A submission answers what it can from the store before it fetches anything: an idempotent replay needs no image,
/// and a key that cannot pay never makes the server fetch an image or check a webhook URL.
/// </summary>
public sealed class CheapChecksFirstTests
{
    private sealed class PrivateUrlsApp : ReelgateApp
    {
        protected override int Workers => 0;

        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Reelgate:Imaging:AllowPrivateUrls"] = "true" };
    }

    [Fact]
    public async Task Replay_returns_the_original_job_when_its_image_url_is_gone()
    {
        await using var images = LoopbackHttpServer.Start();
        images.MapBytes("/start.png", Png(), "image/png");
        using var app = new PrivateUrlsApp();
        using var key = await app.CreateKeyAsync();
        var body = I2v(images.Url("/start.png"));

        var (first, job, firstResponse) = await SubmitAsync(key.Client, body, "replay-1");
        firstResponse.Dispose();
        first.ShouldBe(HttpStatusCode.Accepted, job.ToJsonString());
        images.Requests.Count.ShouldBe(1);

        images.MapStatus("/start.png", 404);
        var (again, replayed, response) = await SubmitAsync(key.Client, body, "replay-1");
        using (response)
        {
            again.ShouldBe(HttpStatusCode.OK, replayed.ToJsonString());
            response.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        }

        replayed["job_id"]!.GetValue<string>().ShouldBe(job["job_id"]!.GetValue<string>());
        images.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Key_without_credit_gets_402_without_the_server_fetching_its_image_or_checking_its_webhook()
    {
        await using var images = LoopbackHttpServer.Start();
        images.MapBytes("/start.png", Png(), "image/png");
        using var app = new PrivateUrlsApp();
        using var key = await app.CreateKeyAsync("0.00");
        var body = I2v(images.Url("/start.png"));
        body["webhook_url"] = "https://webhooks.invalid/hook";

        var (status, json, response) = await SubmitAsync(key.Client, body, null);
        response.Dispose();

        (status, json).ShouldBeError(HttpStatusCode.PaymentRequired, "insufficient_credits", "insufficient_credits");
        images.Requests.ShouldBeEmpty();
    }

    private static JsonObject I2v(Uri image) =>
        Api.Body("a lighthouse", ("mode", "i2v"), ("image", image.ToString()), ("resolution", "360p"));

    private static async Task<(HttpStatusCode Status, JsonObject Json, HttpResponseMessage Response)> SubmitAsync(
        HttpClient client,
        JsonObject body,
        string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/videos/generations")
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request, Api.Token);
        return (response.StatusCode, await Api.ReadObjectAsync(response), response);
    }

    private static byte[] Png()
    {
        using var image = NetVips.Image.Black(640, 360, bands: 3);
        return image.PngsaveBuffer();
    }
}
