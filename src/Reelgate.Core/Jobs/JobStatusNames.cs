namespace Reelgate.Core.Jobs;

/// <summary>The wire and storage names of job states ("queued", ...).</summary>
public static class JobStatusNames
{
    public static string ToWire(this JobStatus status) => status switch
    {
        JobStatus.Queued => "queued",
        JobStatus.Processing => "processing",
        JobStatus.Completed => "completed",
        JobStatus.Failed => "failed",
        JobStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static JobStatus? Parse(string? wire) => wire switch
    {
        "queued" => JobStatus.Queued,
        "processing" => JobStatus.Processing,
        "completed" => JobStatus.Completed,
        "failed" => JobStatus.Failed,
        "cancelled" => JobStatus.Cancelled,
        _ => null,
    };

    public static bool IsFinal(this JobStatus status) =>
        status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    public static IReadOnlyList<string> All { get; } = ["queued", "processing", "completed", "failed", "cancelled"];
}
