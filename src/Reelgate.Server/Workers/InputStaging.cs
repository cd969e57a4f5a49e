using System.Globalization;
using Microsoft.Extensions.Options;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;
using Reelgate.Server.Operations;

namespace Reelgate.Server.Workers;

/// <summary>
/// An attempt's local files: its work folder in the data folder (one per attempt), the job's stored inputs copied
/// into it for the engine, and the folder removed when the attempt is over.
/// </summary>
public sealed class InputStaging(IBlobStore blobs, IOptions<ReelgateOptions> serverOptions, JobMetrics metrics, TimeProvider time)
{
    /// <summary>Creates the attempt's work folder and returns its path.</summary>
    public string CreateWorkDirectory(Job job)
    {
        var directory = serverOptions.Value.DataPath("work", $"{job.Id}-{job.Attempts.ToString(CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Copies each stored input to a file in <paramref name="workDirectory"/> named after its role.</summary>
    public async Task<IReadOnlyList<RenderInput>> StageAsync(Job job, string workDirectory, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var inputs = new List<RenderInput>();
        foreach (var input in job.Inputs)
        {
            var path = Path.Combine(workDirectory, input.Role + Path.GetExtension(input.BlobKey));
            var blob = await blobs.OpenReadAsync(input.BlobKey, cancellationToken)
                ?? throw new InvalidOperationException($"the stored input {input.BlobKey} is missing");
            await using (blob)
            {
                await using var file = File.Create(path);
                await blob.Stream.CopyToAsync(file, cancellationToken);
            }

            inputs.Add(new RenderInput(input.Role, path, input.ContentType, input.Width, input.Height));
        }

        metrics.Step(JobStep.Stage, time.GetElapsedTime(started));
        return inputs;
    }

    /// <summary>Removes the work folder; one that cannot be removed now is left for the next start's sweep.</summary>
    public static void Clean(string workDirectory)
    {
        try
        {
            if (Directory.Exists(workDirectory))
            {
                Directory.Delete(workDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next start's sweep of the work folder.
        }
    }
}
