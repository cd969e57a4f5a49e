using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.Retention;

/// <summary>After the retention period the sweeper deletes outputs, inputs and uploads; the job stays readable and its URLs answer
/// 410.</summary>
public sealed class RetentionTests
{
    private sealed class SweepingApp : ReelgateApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Reelgate:Retention:SweepInterval"] = "00:00:00.200" };
    }

    private sealed class QuietSweeperApp : ReelgateApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Reelgate:Retention:SweepInterval"] = "01:00:00" };
    }

    [Fact]
    public async Task Sweep_deletes_every_expired_upload_in_one_pass_when_more_than_a_batch_expired()
    {
        using var app = new QuietSweeperApp();
        using var key = await app.CreateKeyAsync();
        var uploads = app.Services.GetRequiredService<Core.Ports.IUploadStore>();
        var blobs = app.Services.GetRequiredService<Core.Ports.IBlobStore>();
        var created = app.Clock.GetUtcNow();
        for (var i = 0; i < 250; i++)
        {
            var blobKey = $"uploads/upl_sweep{i:D4}.png";
            await using (var bytes = new MemoryStream([1, 2, 3]))
            {
                await blobs.PutAsync(blobKey, bytes, "image/png", Api.Token);
            }

            await uploads.CreateAsync(
                new Core.Uploads.Upload($"upl_sweep{i:D4}", key.Id, blobKey, "image/png", 1, 1, 3, 1, 1, created),
                Api.Token);
        }

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await app.Services.GetRequiredService<Reelgate.Server.Retention.RetentionSweeper>().SweepAsync(Api.Token);

        Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "blobs", "uploads")).ShouldBeEmpty();
        (await uploads.GetAsync("upl_sweep0249", key.Id, Api.Token)).ShouldBeNull();
    }

    [Fact]
    public async Task Outputs_and_uploads_are_deleted_after_the_retention_period_and_the_job_says_so()
    {
        using var app = new SweepingApp();
        using var key = await app.CreateKeyAsync();
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("x", ("resolution", "360p"), ("audio", false)));
        var jobId = submitted["job_id"]!.GetValue<string>();
        var job = await Api.WaitForAsync(key.Client, jobId, TimeSpan.FromSeconds(60), "completed");
        job["result"]!["outputs_expired"]!.GetValue<bool>().ShouldBeFalse();
        var url = new Uri(job["result"]!["outputs"]![0]!["url"]!.GetValue<string>()).PathAndQuery;

        using var form = new MultipartFormDataContent();
        using var image = NetVips.Image.Black(400, 300, bands: 3);
        var file = new ByteArrayContent(image.PngsaveBuffer());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "a.png");
        using var uploaded = await key.Client.PostAsync("/v1/uploads", form, Api.Token);
        var uploadId = (await Api.ReadObjectAsync(uploaded))["id"]!.GetValue<string>();

        var outputs = Path.Combine(app.DataDirectory, "blobs", "outputs", jobId);
        Directory.Exists(outputs).ShouldBeTrue();
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        await Poll.UntilAsync(
            async () => (await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}")).Json["result"]!["outputs_expired"]!.GetValue<bool>(),
            TimeSpan.FromSeconds(30),
            Api.Token,
            () => "the job's outputs did not expire");

        Directory.Exists(outputs).ShouldBeFalse();
        var (status, kept) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}");
        status.ShouldBe(HttpStatusCode.OK);
        kept["status"]!.GetValue<string>().ShouldBe("completed");
        kept["cost"]!["state"]!.GetValue<string>().ShouldBe("charged");

        using var anonymous = app.ClientWith(null);
        using var gone = await anonymous.GetAsync(url, Api.Token);
        (gone.StatusCode, await Api.ReadObjectAsync(gone)).ShouldBeError(HttpStatusCode.Gone, "invalid_request_error");

        await Poll.UntilAsync(
            () => !Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "blobs", "uploads")).Any(),
            TimeSpan.FromSeconds(30),
            Api.Token,
            () => "the expired upload was not deleted");

        var (refusal, json, response) = await Api.PostJsonAsync(
            key.Client,
            "/v1/videos/generations",
            Api.Body("x", ("mode", "i2v"), ("image", uploadId)));
        response.Dispose();
        (refusal, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "upload_not_found", "image");
    }
}
