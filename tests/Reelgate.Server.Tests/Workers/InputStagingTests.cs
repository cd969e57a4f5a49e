using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Tests.Workers;

/// <summary>
/// A job's stored inputs copied from the real blob store on disk into the attempt's work folder, and the folder removed after.
/// </summary>
public sealed class InputStagingTests
{
    [Fact]
    public async Task Stage_copies_each_stored_input_into_the_attempts_work_folder_when_the_job_has_images()
    {
        using var run = await ClaimedImageJobAsync(640, 360);
        var staging = run.Service<InputStaging>();

        var directory = staging.CreateWorkDirectory(run.Job);
        var inputs = await staging.StageAsync(run.Job, directory, Api.Token);

        directory.ShouldStartWith(run.App.DataDirectory);
        var input = inputs.ShouldHaveSingleItem();
        input.Role.ShouldBe(JobInput.ImageRole);
        Path.GetDirectoryName(input.Path).ShouldBe(directory);
        (input.Width, input.Height).ShouldBe((640, 360));
        await using (var stored = (await run.Service<IBlobStore>().OpenReadAsync(run.Job.Inputs[0].BlobKey, Api.Token))!)
        {
            using var copy = new MemoryStream();
            await stored.Stream.CopyToAsync(copy, Api.Token);
            (await File.ReadAllBytesAsync(input.Path, Api.Token)).ShouldBe(copy.ToArray());
        }

        InputStaging.Clean(directory);
        Directory.Exists(directory).ShouldBeFalse();
    }

    [Fact]
    public async Task Stage_throws_naming_the_input_when_its_blob_is_missing()
    {
        using var run = await ClaimedImageJobAsync(320, 320);
        await run.Service<IBlobStore>().DeletePrefixAsync($"inputs/{run.Job.Id}/", Api.Token);
        var staging = run.Service<InputStaging>();
        var directory = staging.CreateWorkDirectory(run.Job);

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => staging.StageAsync(run.Job, directory, Api.Token));

        thrown.Message.ShouldContain(run.Job.Inputs[0].BlobKey);
        InputStaging.Clean(directory);
    }

    /// <summary>A claimed image-to-video job whose input is a PNG of the size given, stored by the API at submission.</summary>
    private static Task<ClaimedJobApp> ClaimedImageJobAsync(int width, int height)
    {
        var image = "data:image/png;base64," + Convert.ToBase64String(TestImages.Png(width, height));
        return ClaimedJobApp.StartAsync(Api.Body("x", ("mode", "i2v"), ("image", image), ("resolution", "360p")));
    }
}
