using Reelgate.Core.Engines;
using Reelgate.Imaging.Fitting;

namespace Reelgate.Engines.Upstream.Media;

/// <summary>An input image as a data URI: the normalised bytes of the local file, base64.</summary>
public static class DataUris
{
    public static async Task<string> FromFileAsync(string path, string contentType, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return $"data:{contentType};base64,{Convert.ToBase64String(bytes)}";
    }

    /// <summary>The image fitted to the job's aspect ratio first (for providers that take no ratio with an image).</summary>
    public static async Task<string> FittedAsync(RenderJob job, RenderInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var fitted = await ImageFitter.FitAsync(input, job.Spec.AspectRatio, Path.Combine(job.WorkDirectory, "fitted"), cancellationToken);
        return await FromFileAsync(fitted.Path, fitted.ContentType, cancellationToken);
    }
}
