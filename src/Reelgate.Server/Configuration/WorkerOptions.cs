using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Reelgate.Server.Configuration;

/// <summary>How this process renders, section "Reelgate:Workers" (REELGATE_WORKERS sets Count).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Reelgate:Workers";

    /// <summary>Jobs rendered at once by this process; 0 makes it an API-only node.</summary>
    [Range(0, 256, ErrorMessage = "REELGATE_WORKERS (Reelgate:Workers:Count) must be a whole number from 0 to 256")]
    public int Count { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a claim lasts without a heartbeat; a dead worker's job is taken up again after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Reelgate:Workers:Lease must be between 1 second and 1 hour")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a job is started before it fails for good.</summary>
    [Range(1, 100, ErrorMessage = "Reelgate:Workers:MaxAttempts must be from 1 to 100")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How often an idle worker looks for work another node queued (its own node wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Reelgate:Workers:PollInterval must be between 50 ms and 1 minute")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often progress is written back while rendering.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30", ErrorMessage = "Reelgate:Workers:ProgressInterval must be between 50 ms and 30 s")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How many times a job may be handed back at shutdown without the attempt counting; after that every hand-back
    /// counts, so a job that keeps meeting restarts still ends within <see cref="MaxAttempts"/>.
    /// </summary>
    [Range(0, 100, ErrorMessage = "Reelgate:Workers:FreeHandBacks must be from 0 to 100")]
    public int FreeHandBacks { get; set; } = 3;

    /// <summary>
    /// The waits between attempts after a retryable failure (a provider's outage), comma-separated time spans: the
    /// first retry waits the first, and so on; the last repeats. Meanwhile the job is queued with its retry_at.
    /// </summary>
    [RegularExpression(@"^\s*\d{1,2}:[0-5]\d:[0-5]\d(\.\d{1,7})?\s*(,\s*\d{1,2}:[0-5]\d:[0-5]\d(\.\d{1,7})?\s*)*$",
        ErrorMessage = "Reelgate:Workers:RetryBackoff must be time spans separated by commas, e.g. \"00:00:10,00:00:30,00:02:00\"")]
    public string RetryBackoff { get; set; } = "00:00:10,00:00:30,00:02:00";

    /// <summary>The wait before the retry that follows attempt <paramref name="attempt"/> (1 for the first).</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var delays = RetryBackoff.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return TimeSpan.Parse(delays[Math.Clamp(attempt - 1, 0, delays.Length - 1)], CultureInfo.InvariantCulture);
    }

    /// <summary>On shutdown, how long jobs in flight may take to finish before they are handed back to the queue.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Reelgate:Workers:ShutdownGrace must be between 0 and 1 hour")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);
}
