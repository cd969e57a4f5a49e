using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Reelgate.Core;
using Reelgate.Imaging;
using Reelgate.Server.Configuration;
using Reelgate.Server.Http;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>
/// Reads a protocol request body: application/json by the contract's JSON rules, or multipart/form-data (what the
/// official SDKs send) with text fields and at most one <c>input_reference</c> file, streamed to a scratch file with
/// the 50 MiB image cap counted as it arrives.
/// </summary>
public sealed class VideoFormReader(IOptions<ReelgateOptions> options)
{
    public const int MaxFields = 64;
    public const int MaxFieldBytes = 64 * 1024;

    public async Task<Outcome<VideoForm>> ReadAsync(HttpRequest request, bool allowFile, CancellationToken cancellationToken)
    {
        if (MultipartBoundary.Of(request.ContentType) is { } boundary)
        {
            return await ReadMultipartAsync(request, boundary, allowFile, cancellationToken);
        }

        var read = await JsonBodyReader.ReadAsync(request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Failure with
            {
                Message = read.Failure.Kind == FailureKind.UnsupportedMediaType
                    ? "send the body as application/json or multipart/form-data" : read.Failure.Message,
            };
        }

        using var body = read.Value;
        return new VideoForm(JsonObject.Create(body.Root.Clone())!, null, body.Sha256, fromMultipart: false);
    }

    private async Task<Outcome<VideoForm>> ReadMultipartAsync(
        HttpRequest request, string boundary, bool allowFile, CancellationToken cancellationToken)
    {
        var fields = new JsonObject();
        string? file = null;
        string? fileHash = null;
        var done = false;
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || disposition.Name.Value is not { Length: > 0 } name)
                {
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    if (!allowFile || !string.Equals(name, VideoForm.InputReferenceField, StringComparison.Ordinal))
                    {
                        return Refuse(name, "unknown_parameter",
                            $"{Failure.Printable(name)} cannot be a file; only {VideoForm.InputReferenceField} can");
                    }

                    if (file is not null)
                    {
                        return Refuse(name, "invalid_value", $"send one {VideoForm.InputReferenceField} file");
                    }

                    file = options.Value.DataPath("work", $"video-input-{Guid.NewGuid():N}", "reference");
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    fileHash = await SpoolAsync(section.Body, file, cancellationToken);
                    if (fileHash is null)
                    {
                        return Refuse(name, "image_too_large", $"{name}: the image is larger than 50 MiB");
                    }

                    continue;
                }

                if (fields.Count == MaxFields)
                {
                    return Refuse(null, "too_many_fields", $"send at most {MaxFields} form fields");
                }

                var value = await ReadTextAsync(section.Body, cancellationToken);
                if (value is null)
                {
                    return Refuse(name, "invalid_value", $"{Failure.Printable(name)} is longer than {MaxFieldBytes} bytes or not UTF-8");
                }

                if (Place(fields, name, value) is { } misplaced)
                {
                    return misplaced;
                }
            }

            var canonical = Encoding.UTF8.GetBytes(fields.ToJsonString() + "\n" + (fileHash ?? "-"));
            done = true;
            return new VideoForm(fields, file, "multipart:" + JsonBody.HashOf(canonical), fromMultipart: true);
        }
        catch (InvalidDataException e)
        {
            return Refuse(null, "invalid_multipart", $"the multipart body could not be read: {e.Message}");
        }
        finally
        {
            if (file is not null && !done)
            {
                Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
            }
        }
    }

    /// <summary>Puts a form field in place: "a" at the top, "a[b]" inside object a (the SDKs' encoding of nested values).</summary>
    private static Failure? Place(JsonObject fields, string name, string value)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return fields.TryAdd(name, value) ? null : Duplicate(name);
        }

        var outer = name[..open];
        var inner = name[(open + 1)..].TrimEnd(']');
        if (outer.Length == 0 || inner.Length == 0 || inner.Contains('[', StringComparison.Ordinal) || !name.EndsWith(']'))
        {
            return Refuse(name, "invalid_value", $"{Failure.Printable(name)} is not a field name this API reads");
        }

        if (fields[outer] is null)
        {
            fields[outer] = new JsonObject();
        }

        return fields[outer] is JsonObject nested && nested.TryAdd(inner, value) ? null : Duplicate(name);
    }

    private static Failure Duplicate(string name) => Refuse(name, "invalid_value", $"{Failure.Printable(name)} is sent twice");

    private static Failure Refuse(string? param, string code, string message) => new(FailureKind.BadRequest, code, message, param);

    private static async Task<string?> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : null;
    }

    /// <summary>Copies the file part to disk while hashing it; null when it passes the image cap.</summary>
    private static async Task<string?> SpoolAsync(Stream body, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > ImageLimits.MaxInputBytes)
            {
                return null;
            }

            hash.AppendData(chunk, 0, read);
            await output.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
