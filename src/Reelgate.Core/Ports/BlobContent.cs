namespace Reelgate.Core.Ports;

/// <summary>An open blob: its bytes, length and type. The reader disposes it.</summary>
public sealed record BlobContent(Stream Stream, long Length, string ContentType, DateTimeOffset LastModified) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
