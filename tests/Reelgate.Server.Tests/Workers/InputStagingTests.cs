using Microsoft.Extensions.DependencyInjection;
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
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var image = "data:image/png;base64," + Convert.ToBase64String(TestImages.Png(640, 360));
        var job = await RunnerSteps.SubmitAndClaimAsync(app, key, Api.Body("x", ("mode", "i2v"), ("image", image), ("resolution", "360p")));
        var staging = app.Services.GetRequiredService<InputStaging>();

        var directory = staging.CreateWorkDirectory(job);
        var inputs = await staging.StageAsync(job, directory, Api.Token);

        directory.ShouldStartWith(app.DataDirectory);
        var input = inputs.ShouldHaveSingleItem();
        input.Role.ShouldBe(JobInput.ImageRole);
        Path.GetDirectoryName(input.Path).ShouldBe(directory);
        (input.Width, input.Height).ShouldBe((640, 360));
        await using (var stored = (await app.Services.GetRequiredService<IBlobStore>().OpenReadAsync(job.Inputs[0].BlobKey, Api.Token))!)
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
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var image = "data:image/png;base64," + Convert.ToBase64String(TestImages.Png(320, 320));
        var job = await RunnerSteps.SubmitAndClaimAsync(app, key, Api.Body("x", ("mode", "i2v"), ("image", image), ("resolution", "360p")));
        await app.Services.GetRequiredService<IBlobStore>().DeletePrefixAsync($"inputs/{job.Id}/", Api.Token);
        var staging = app.Services.GetRequiredService<InputStaging>();
        var directory = staging.CreateWorkDirectory(job);

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => staging.StageAsync(job, directory, Api.Token));

        thrown.Message.ShouldContain(job.Inputs[0].BlobKey);
        InputStaging.Clean(directory);
    }
}
