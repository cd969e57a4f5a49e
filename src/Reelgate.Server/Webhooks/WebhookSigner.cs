using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Reelgate.Core.Webhooks;

namespace Reelgate.Server.Webhooks;

/// <summary>
/// Standard Webhooks signatures: webhook-id, webhook-timestamp (Unix seconds) and webhook-signature
/// "v1,&lt;base64 HMAC-SHA256 of 'id.timestamp.body' keyed with the secret's bytes&gt;".
/// </summary>
public static class WebhookSigner
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var payload = Encoding.UTF8.GetBytes($"{messageId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSecrets.KeyBytes(secret), payload));
    }
}
