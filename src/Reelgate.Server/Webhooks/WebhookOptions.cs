using System.ComponentModel.DataAnnotations;

namespace Reelgate.Server.Webhooks;

/// <summary>Webhook delivery, section "Reelgate:Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string Section = "Reelgate:Webhooks";

    /// <summary>The default waits: 27.5 hours in all, the schedule Standard Webhooks senders use.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetrySchedule =
        [
            TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5),
            TimeSpan.FromHours(10), TimeSpan.FromHours(10),
        ];

    /// <summary>
    /// The waits between attempts: the first try is at once, then one more after each wait (with ±10% jitter);
    /// after the last, the delivery fails. Empty means the default. (Not initialised here: the configuration
    /// binder appends to an array that already has items.)
    /// </summary>
    public TimeSpan[] RetrySchedule { get; set; } = [];

    public IReadOnlyList<TimeSpan> EffectiveRetrySchedule => RetrySchedule.Length > 0 ? RetrySchedule : DefaultRetrySchedule;

    /// <summary>How long one attempt may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Reelgate:Webhooks:Timeout must be between 1 second and 5 minutes")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the sender looks for due deliveries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00",
        ErrorMessage = "Reelgate:Webhooks:PollInterval must be between 50 ms and 10 minutes")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
