using Microsoft.Net.Http.Headers;

namespace Reelgate.Server.Http;

/// <summary>The boundary of a multipart/form-data body, as uploads and the video protocol's forms read it.</summary>
public static class MultipartBoundary
{
    /// <summary>Null when the body is not multipart/form-data or its boundary is missing or longer than 200 characters.</summary>
    public static string? Of(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200 ? null : boundary;
    }
}
