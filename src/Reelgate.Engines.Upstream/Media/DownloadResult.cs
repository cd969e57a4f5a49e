namespace Reelgate.Engines.Upstream.Media;

/// <summary>The end of a download: its status, the bytes written, and what went wrong if it failed.</summary>
public sealed record DownloadResult(DownloadStatus Status, long Bytes, string? Problem = null);
