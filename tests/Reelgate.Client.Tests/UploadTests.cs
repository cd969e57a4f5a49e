using System.Net;
using Reelgate.Client.Models;
using Reelgate.Testing;

namespace Reelgate.Client.Tests;

/// <summary>UploadAsync stores an image whose id then drives an i2v job.</summary>
public sealed class UploadTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task UploadFileAsync_returns_an_id_that_an_i2v_job_accepts_when_the_file_is_a_png()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory("upload");
        var png = folder.File("frame.png");
        await TestMedia.WriteStillAsync(png, "testsrc2=size=640x480", ct);
        using var client = server.Client(await server.NewKeyAsync());

        var upload = await client.UploadFileAsync(png, ct);
        var job = await client.GenerateAndWaitAsync(
            Requests.Quick() with { Mode = GenerationMode.I2v, Image = upload.Id },
            cancellationToken: ct);

        upload.Id.ShouldStartWith("upl_");
        upload.OriginalWidth.ShouldBe(640);
        upload.OriginalHeight.ShouldBe(480);
        upload.Bytes.ShouldBeGreaterThan(0);
        job.Status.ShouldBe(JobStatus.Completed);
        job.Inputs.Single().Role.ShouldBe("image");
        job.Inputs.Single().OriginalWidth.ShouldBe(640);
    }

    [Fact]
    public async Task UploadAsync_throws_422_when_the_bytes_are_not_an_image()
    {
        using var client = server.Client(await server.NewKeyAsync());
        using var text = new MemoryStream("this is not an image"u8.ToArray());

        var error = await Should.ThrowAsync<ReelgateException>(() => client.UploadAsync(
            text,
            "notes.png",
            TestContext.Current.CancellationToken));

        error.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }
}
