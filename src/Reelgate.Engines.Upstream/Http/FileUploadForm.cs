using System.Net.Http.Headers;

namespace Reelgate.Engines.Upstream.Http;

/// <summary>The multipart body of a provider's image upload: one file in one field.</summary>
public static class FileUploadForm
{
    /// <summary>The bytes are buffered by the caller, so a retried upload sends the same bytes again.</summary>
    public static MultipartFormDataContent Create(byte[] bytes, string contentType, string field, string fileName)
    {
#pragma warning disable IDISP001 // the form owns its parts and disposes them
        var file = new ByteArrayContent(bytes);
#pragma warning restore IDISP001
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }
}
