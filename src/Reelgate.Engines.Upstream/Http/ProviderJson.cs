using System.Globalization;
using System.Text.Json;

namespace Reelgate.Engines.Upstream.Http;

/// <summary>Lenient reading of provider answers: a body that is not a JSON object is null; numbers may come as strings.</summary>
public static class ProviderJson
{
    public static JsonElement? ParseObject(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A string, or a number or boolean written as text.</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.Property(name) switch
        {
            { ValueKind: JsonValueKind.String } v => v.GetString(),
            { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
            _ => null,
        };

    public static long? Integer(this JsonElement element, string name) =>
        element.Property(name) switch
        {
            { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) => n,
            { ValueKind: JsonValueKind.String } v when long.TryParse(
                v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };

    /// <summary>An absolute http(s) URL in a string property.</summary>
    public static Uri? Url(this JsonElement element, string name) =>
        element.Text(name) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    /// <summary>An error message from the usual shapes: "message", "error" (a string or {message}), "detail" (a string or a list of
    /// {msg}).</summary>
    public static string? ErrorMessage(this JsonElement element)
    {
        if (element.Text("message") is { } message)
        {
            return message;
        }

        if (element.Property("error") is { } error)
        {
            return error.ValueKind == JsonValueKind.String ? error.GetString() : error.Text("message");
        }

        return element.Property("detail") switch
        {
            { ValueKind: JsonValueKind.String } d => d.GetString(),
            { ValueKind: JsonValueKind.Array } d => string.Join("; ", d.EnumerateArray()
                .Select(item => item.ValueKind == JsonValueKind.Object ? item.Text("msg") ?? item.GetRawText() : item.ToString())),
            { ValueKind: JsonValueKind.Object } d => d.Text("msg") ?? d.Text("message") ?? d.GetRawText(),
            _ => null,
        };
    }
}
