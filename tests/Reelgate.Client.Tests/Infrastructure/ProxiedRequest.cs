namespace Reelgate.Client.Tests.Infrastructure;

/// <summary>A request as the proxy received it, and the fault it met, if any.</summary>
public sealed record ProxiedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, FaultKind? Fault)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
