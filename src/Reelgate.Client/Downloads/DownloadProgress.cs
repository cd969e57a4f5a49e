namespace Reelgate.Client.Downloads;

/// <summary>Bytes on disk so far, the file's full size when the server said it, and how many times the transfer was resumed.</summary>
public readonly record struct DownloadProgress(long BytesWritten, long? TotalBytes, int Resumes);
