using System.Globalization;
using System.Text.Json;
using Reelgate.Engines.Upstream.Http;
using Reelgate.Engines.Upstream.Jobs;

namespace Reelgate.Engines.Upstream.Pixverse;

/// <summary>PixVerse's answer envelope <c>{"ErrCode": 0, "ErrMsg": "success", "Resp": {...}}</c>, read leniently.</summary>
internal sealed record PixverseEnvelope(long ErrCode, string? ErrMsg, JsonElement? Resp)
{
    public bool Succeeded => ErrCode == 0 && Resp is not null;

    public ProviderError Error => new(PixverseMapping.KindOf(ErrCode), ErrCode.ToString(CultureInfo.InvariantCulture), ErrMsg);

    /// <summary>The envelope, or null when the body is not one (malformed JSON, another shape).</summary>
    public static PixverseEnvelope? Read(ProviderResponse response)
    {
        if (ProviderJson.ParseObject(response.Body) is not { } root || root.Integer("ErrCode") is not { } code)
        {
            return null;
        }

        var resp = root.Property("Resp");
        return new PixverseEnvelope(code, root.Text("ErrMsg"), resp is { ValueKind: JsonValueKind.Object } ? resp : null);
    }
}
