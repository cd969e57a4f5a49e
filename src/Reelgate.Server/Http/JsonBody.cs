using System.Security.Cryptography;
using System.Text.Json;

namespace Reelgate.Server.Http;

/// <summary>A JSON request body as read: the document and the SHA-256 of its bytes (for idempotency).</summary>
public sealed class JsonBody(JsonDocument document, string sha256) : IDisposable
{
    public JsonElement Root => document.RootElement;

    public string Sha256 => sha256;

    public void Dispose() => document.Dispose();

    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
