namespace Reelgate.Core.Ports;

/// <summary>
/// One image of a request for <see cref="IImageSource"/>: the value sent (URL, data URI or upload id), the param it
/// came in (failures name it), the role of the job input it becomes, the blob key to store it under (without the
/// extension), and the key whose uploads it may use.
/// </summary>
public sealed record ImageRequest(string Reference, string Param, string Role, string BlobKey, string KeyId);
