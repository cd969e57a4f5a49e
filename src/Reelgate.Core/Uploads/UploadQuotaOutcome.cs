namespace Reelgate.Core.Uploads;

/// <summary>Whether an upload fit its key's cap on stored upload bytes.</summary>
public abstract record UploadQuotaOutcome
{
    private UploadQuotaOutcome()
    {
    }

    public sealed record Stored : UploadQuotaOutcome;

    /// <summary>
    /// Refused: the key stores <see cref="UsedBytes"/> of <see cref="LimitBytes"/>; its oldest upload is from <see cref="OldestAt"/>.
    /// </summary>
    public sealed record OverQuota(long UsedBytes, long LimitBytes, DateTimeOffset? OldestAt) : UploadQuotaOutcome;
}
