using System.Text;
using System.Text.Json.Nodes;

namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>A request as a fake provider received it: everything Reelgate sent, body included.</summary>
public sealed record RecordedRequest(
    string Operation,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    long Timestamp)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string Text => Encoding.UTF8.GetString(Body);

    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
}
