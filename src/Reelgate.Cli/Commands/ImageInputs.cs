using System.Net;
using Reelgate.Client;

namespace Reelgate.Cli.Commands;

/// <summary>
/// Turns --image / --image-end into what the API takes. URLs, data: URIs and upload ids pass through; a local
/// file is uploaded with POST /v1/uploads and its id is sent (no 1 MiB JSON limit, and the server normalises it
/// once). Only a server without /v1/uploads gets a small file inline as a data: URI instead.
/// </summary>
public static class ImageInputs
{
    /// <summary>Inline fallback limit: base64 of this stays well under the 1 MiB JSON body limit.</summary>
    public const long MaxInlineBytes = 700 * 1024;

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47];

    public static async Task<string?> ResolveAsync(CliContext context, string? value, string option, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(value) || IsRemote(value))
        {
            return value;
        }

        if (!File.Exists(value))
        {
            throw new UsageException($"{option}: no such file '{value}' (give a local file, an http(s) URL, a data: URI or an upload id)");
        }

        try
        {
            var upload = await context.Client.UploadFileAsync(value, cancellationToken);
            if (!context.Json)
            {
                context.Terminal.Note($"Uploaded {Path.GetFileName(value)} as {upload.Id} ({upload.Width}x{upload.Height})");
            }

            return upload.Id;
        }
        catch (ReelgateException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed
            && !string.Equals(e.Param, "file", StringComparison.Ordinal))
        {
            return await InlineAsync(value, option, cancellationToken);
        }
    }

    private static bool IsRemote(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
        || (value.StartsWith("upl_", StringComparison.Ordinal) && !File.Exists(value));

    private static async Task<string> InlineAsync(string path, string option, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxInlineBytes)
        {
            throw new UsageException($"{option}: this server has no /v1/uploads and the file is too large to send inline ({info.Length} " +
                $"bytes; at most {MaxInlineBytes})");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var type = bytes.AsSpan().StartsWith(PngMagic) ? "image/png"
            : bytes.Length > 12 && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8) ? "image/webp"
            : "image/jpeg";
        return $"data:{type};base64,{Convert.ToBase64String(bytes)}";
    }
}
