using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Uploads;

/// <summary>POST /v1/uploads and i2v inputs through the API: upload ids, data URIs, refusals naming the param.</summary>
public sealed class UploadAndImageInputTests(ReelgateApp app) : IClassFixture<ReelgateApp>
{
    private static byte[] Png(int width, int height)
    {
        using var image = NetVips.Image.Black(width, height, bands: 3).Linear([1.0, 1.0, 1.0], [200.0, 80.0, 40.0]).Cast(
            NetVips.Enums.BandFormat.Uchar);
        return image.PngsaveBuffer();
    }

    private static async Task<(HttpStatusCode Status, JsonObject Json)> UploadAsync(
        HttpClient client,
        byte[] bytes,
        string field = "file",
        string fileName = "photo.png")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, field, fileName);
        using var response = await client.PostAsync("/v1/uploads", form, Api.Token);
        return (response.StatusCode, await Api.ReadObjectAsync(response));
    }

    [Fact]
    public async Task Upload_stores_the_normalised_image_and_returns_its_id_and_signed_url()
    {
        using var key = await app.CreateKeyAsync();
        var (status, upload) = await UploadAsync(key.Client, Png(200, 100));
        status.ShouldBe(HttpStatusCode.Created, upload.ToJsonString());
        upload["id"]!.GetValue<string>().ShouldStartWith("upl_");
        upload["width"]!.GetValue<int>().ShouldBe(600);
        upload["height"]!.GetValue<int>().ShouldBe(300);
        upload["original_width"]!.GetValue<int>().ShouldBe(200);
        upload["content_type"]!.GetValue<string>().ShouldBe("image/png");

        using var anonymous = app.ClientWith(null);
        var bytes = await anonymous.GetByteArrayAsync(new Uri(upload["url"]!.GetValue<string>()).PathAndQuery, Api.Token);
        bytes.LongLength.ShouldBe(upload["bytes"]!.GetValue<long>());
        using var stored = NetVips.Image.NewFromBuffer(bytes);
        (stored.Width, stored.Height).ShouldBe((600, 300));
    }

    [Fact]
    public async Task Upload_returns_422_naming_file_when_the_bytes_are_not_an_image()
    {
        using var key = await app.CreateKeyAsync();
        (await UploadAsync(key.Client, "<html><body>hi</body></html>"u8.ToArray())).ShouldBeError(
            HttpStatusCode.UnprocessableEntity,
            "invalid_request_error",
            param: "file");
    }

    [Fact]
    public async Task Upload_returns_422_when_the_file_field_is_missing()
    {
        using var key = await app.CreateKeyAsync();
        (await UploadAsync(key.Client, Png(400, 400), field: "image")).ShouldBeError(
            HttpStatusCode.UnprocessableEntity,
            "invalid_request_error",
            "missing_parameter",
            "file");
    }

    [Fact]
    public async Task Upload_returns_415_when_the_body_is_not_multipart()
    {
        using var key = await app.CreateKeyAsync();
        using var content = new ByteArrayContent(Png(400, 400));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var response = await key.Client.PostAsync("/v1/uploads", content, Api.Token);
        (response.StatusCode, await Api.ReadObjectAsync(response)).ShouldBeError(
            HttpStatusCode.UnsupportedMediaType,
            "invalid_request_error",
            "unsupported_media_type");
    }

    [Fact]
    public async Task Submit_i2v_with_upload_ids_records_both_inputs_and_completes()
    {
        using var key = await app.CreateKeyAsync();
        var first = (await UploadAsync(key.Client, Png(320, 240))).Json["id"]!.GetValue<string>();
        var last = (await UploadAsync(key.Client, Png(5000, 2500))).Json["id"]!.GetValue<string>();
        var job = await Api.SubmitAsync(
            key.Client,
            Api.Body("x", ("mode", "i2v"), ("image", first), ("image_end", last), ("resolution", "360p"), ("audio", false)));

        var inputs = job["inputs"]!.AsArray();
        inputs.Count.ShouldBe(2);
        inputs[0]!["role"]!.GetValue<string>().ShouldBe("image");
        (inputs[0]!["width"]!.GetValue<int>(), inputs[0]!["height"]!.GetValue<int>()).ShouldBe((400, 300));
        inputs[1]!["role"]!.GetValue<string>().ShouldBe("image_end");
        (inputs[1]!["width"]!.GetValue<int>(), inputs[1]!["height"]!.GetValue<int>()).ShouldBe((4000, 2000));
        (inputs[1]!["original_width"]!.GetValue<int>(), inputs[1]!["original_height"]!.GetValue<int>()).ShouldBe((5000, 2500));
        job["request"]!["image"]!.GetValue<string>().ShouldBe(first);

        var done = await Api.WaitForAsync(key.Client, job["job_id"]!.GetValue<string>(), TimeSpan.FromSeconds(60), "completed", "failed");
        done["status"]!.GetValue<string>().ShouldBe("completed", done.ToJsonString());
    }

    [Fact]
    public async Task Submit_i2v_with_a_data_uri_stores_the_image_and_does_not_echo_the_bytes()
    {
        using var key = await app.CreateKeyAsync();
        var dataUri = "data:image/png;base64," + Convert.ToBase64String(Png(640, 360));
        var job = await Api.SubmitAsync(key.Client, Api.Body("x", ("mode", "i2v"), ("image", dataUri), ("resolution", "360p")));
        job["inputs"]![0]!["width"]!.GetValue<int>().ShouldBe(640);
        var echoed = job["request"]!["image"]!.GetValue<string>();
        echoed.ShouldStartWith("data:image/png;base64,");
        echoed.Length.ShouldBeLessThan(100);
    }

    [Fact]
    public async Task Submit_returns_422_naming_image_when_the_upload_belongs_to_another_key()
    {
        using var owner = await app.CreateKeyAsync();
        using var stranger = await app.CreateKeyAsync("5.00");
        var id = (await UploadAsync(owner.Client, Png(400, 400))).Json["id"]!.GetValue<string>();
        var (status, json, response) = await Api.PostJsonAsync(
            stranger.Client,
            "/v1/videos/generations",
            Api.Body("x", ("mode", "i2v"), ("image", id)));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "upload_not_found", "image");
        (await Api.GetJsonAsync(stranger.Client, "/v1/balance")).Json["available"]!.GetValue<string>().ShouldBe("5.00");
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/cat.png")]
    [InlineData("http://localhost/cat.png")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/cat.png")]
    [InlineData("http://2130706433/cat.png")]
    public async Task Submit_returns_422_naming_image_when_the_url_points_at_a_private_address(string url)
    {
        using var key = await app.CreateKeyAsync();
        var (status, json, response) = await Api.PostJsonAsync(
            key.Client,
            "/v1/videos/generations",
            Api.Body("x", ("mode", "i2v"), ("image", url)));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "image_url_refused", "image");
    }
}
