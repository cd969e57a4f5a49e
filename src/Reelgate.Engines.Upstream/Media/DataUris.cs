namespace Reelgate.Engines.Upstream.Media;

/// <summary>An input image as a data URI: the normalised bytes of the local file, base64.</summary>
public static class DataUris
{
    public static async Task<string> FromFileAsync(string path, string contentType, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return $"data:{contentType};base64,{Convert.ToBase64String(bytes)}";
    }
}
