namespace Reelgate.Client.Downloads;

/// <summary>A finished download: the full path, its size, and how many interruptions were resumed with Range.</summary>
public sealed record DownloadResult(string Path, long Bytes, int Resumes);
