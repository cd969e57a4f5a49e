namespace Reelgate.Testing;

/// <summary>A request as <see cref="LoopbackHttpServer"/> read it: method, path (with query) and headers.</summary>
public sealed record LoopbackRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The target without its query string.</summary>
    public string Path => Target.Split('?', 2)[0];
}
