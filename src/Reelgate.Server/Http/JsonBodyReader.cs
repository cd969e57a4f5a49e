using System.Buffers;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Reelgate.Core;

namespace Reelgate.Server.Http;

/// <summary>
/// Reads a JSON body by the contract's rules: application/json only (415), at most 1 MiB whether chunked
/// or not (413), well-formed JSON without duplicate names (400 invalid_json).
/// </summary>
public static class JsonBodyReader
{
    public const int MaxBytes = 1_048_576;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 32,
        AllowDuplicateProperties = false,
    };

    public static async Task<Outcome<JsonBody>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return new Failure(FailureKind.UnsupportedMediaType, "unsupported_media_type",
                "send the body as application/json " +
                $"(got {(request.ContentType is null ? "no Content-Type" : Failure.Printable(request.ContentType))})");
        }

        if (request.ContentLength > MaxBytes)
        {
            return TooLarge();
        }

        // Sized by Content-Length plus the one byte that shows the body ended there; GetMemory() asks for no more than
        // is free, so a body of known length is read into one array (a fixed 8 KiB hint grew it twice a request).
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, MaxBytes) + 1);
        while (true)
        {
            var memory = buffer.GetMemory();
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBytes)
            {
                return TooLarge();
            }
        }

        if (buffer.WrittenCount == 0)
        {
            return InvalidJson("the request body is empty; send a JSON object");
        }

        if (!System.Text.Unicode.Utf8.IsValid(buffer.WrittenSpan))
        {
            return InvalidJson("the request body is not valid UTF-8");
        }

        try
        {
            var document = JsonDocument.Parse(buffer.WrittenMemory, DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return InvalidJson("the request body must be a JSON object");
            }

            return new JsonBody(document, JsonBody.HashOf(buffer.WrittenSpan));
        }
        catch (JsonException e)
        {
            return InvalidJson($"the request body is not valid JSON: {Failure.Printable(e.Message)}");
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)
                && media.Type.Equals("application", StringComparison.OrdinalIgnoreCase)));

    private static Failure TooLarge() =>
        new(FailureKind.PayloadTooLarge, "payload_too_large", $"the JSON body is larger than {MaxBytes} bytes (1 MiB)");

    private static Failure InvalidJson(string message) => new(FailureKind.BadRequest, "invalid_json", message);
}
