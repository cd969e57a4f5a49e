using Reelgate.Core.Jobs;

namespace Reelgate.Core.Ports;

/// <summary>
/// Turns an <c>image</c>/<c>image_end</c> value (URL, data URI, upload id) into a normalised image stored
/// in the blob store under the request's blob key. Failures name the param and say why.
/// </summary>
public interface IImageSource
{
    Task<Outcome<JobInput>> ResolveAsync(ImageRequest image, CancellationToken cancellationToken);
}
