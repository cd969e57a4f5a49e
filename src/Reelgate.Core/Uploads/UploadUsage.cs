namespace Reelgate.Core.Uploads;

/// <summary>The bytes of a key's stored uploads, and when its oldest was made (null when it has none).</summary>
public sealed record UploadUsage(long UsedBytes, DateTimeOffset? OldestAt);
