using Reelgate.Core.Ports;
using Reelgate.Core.Uploads;
using Reelgate.Imaging.Normalizing;
using Reelgate.Imaging.Tests.Support;

namespace Reelgate.Imaging.Tests;

public sealed class ImageSourceUploadTests : IAsyncLifetime
{
    private const string UploadId = "upl_01jd0000000000000000000000";
    private readonly ImagingHarness _harness = new(allowPrivateUrls: false);
    private byte[] _stored = [];

    public async ValueTask InitializeAsync()
    {
        _stored = TestImages.Gradient(640, 480, ImageFormat.Png);
        await using (var content = new MemoryStream(_stored))
        {
            await _harness.Blobs.PutAsync("uploads/key_owner/upload.png", content, "image/png", TestContext.Current.CancellationToken);
        }

        await _harness.Uploads.CreateAsync(
            new Upload(
                UploadId,
                "key_owner",
                "uploads/key_owner/upload.png",
                "image/png",
                640,
                480,
                _stored.Length,
                1280,
                960,
                DateTimeOffset.UnixEpoch),
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Resolve_copies_the_upload_when_id_belongs_to_the_key()
    {
        var outcome = await _harness.Source.ResolveAsync(
            new ImageRequest(UploadId, "image_end", "image_end", "jobs/job_1/image_end", "key_owner"),
            TestContext.Current.CancellationToken);

        outcome.Value.ShouldBe(new Core.Jobs.JobInput(
            "image_end",
            "jobs/job_1/image_end.png",
            "image/png",
            640,
            480,
            _stored.Length,
            1280,
            960));
        (await _harness.ReadBlobAsync("jobs/job_1/image_end.png")).ShouldBe(_stored);
    }

    [Theory]
    [InlineData(UploadId, "key_other")]
    [InlineData("upl_01jd0000000000000000000001", "key_owner")]
    public async Task Resolve_returns_422_naming_the_param_when_upload_is_not_the_keys(string uploadId, string keyId)
    {
        var outcome = await _harness.Source.ResolveAsync(
            new ImageRequest(uploadId, "image_end", "image_end", "jobs/job_1/image_end", keyId),
            TestContext.Current.CancellationToken);

        (outcome.Failure!.Code, outcome.Failure.Param, outcome.Failure.Kind)
            .ShouldBe((ImageErrorCodes.UploadNotFound, "image_end", Core.FailureKind.Unprocessable));
        outcome.Failure.Message.ShouldStartWith($"image_end: unknown upload id {uploadId}");
        (await _harness.Blobs.ExistsAsync("jobs/job_1/image_end.png", TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task Resolve_returns_422_when_the_uploads_blob_is_gone()
    {
        await _harness.Blobs.DeleteAsync("uploads/key_owner/upload.png", TestContext.Current.CancellationToken);

        var outcome = await _harness.Source.ResolveAsync(new ImageRequest(UploadId, "image", "image", "jobs/job_1/image.png", "key_owner"),
            TestContext.Current.CancellationToken);

        (outcome.Failure!.Code, outcome.Failure.Param).ShouldBe((ImageErrorCodes.UploadNotFound, "image"));
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
