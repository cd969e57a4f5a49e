namespace Reelgate.Core.Jobs;

/// <summary>
/// A stored output of a job. <see cref="BlobKey"/> names it in the blob store; the API turns it into a
/// signed URL when it shows the job, so URLs never go stale in the database.
/// </summary>
public sealed record JobOutput(
    string Type,
    string? Role,
    string BlobKey,
    string ContentType,
    int Width,
    int Height,
    double? DurationSeconds,
    double? Fps,
    bool? HasAudio,
    long Bytes)
{
    public const string VideoType = "video";
    public const string ImageType = "image";
    public const string PosterRole = "poster";
}
