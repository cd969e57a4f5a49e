using System.Globalization;
using Reelgate.Client.Models;

namespace Reelgate.Cli.Output;

/// <summary>
/// A job's webhook deliveries for people: a block each (a table of seven columns wraps every cell in 80 columns),
/// headed by the id that `reelgate jobs redeliver` takes.
/// </summary>
public static class DeliveryRenderer
{
    public static IEnumerable<string> Lines(IEnumerable<WebhookDelivery> deliveries)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var first = true;
        foreach (var delivery in deliveries)
        {
            if (!first)
            {
                yield return string.Empty;
            }

            first = false;
            var attempts = delivery.Attempts == 1 ? "1 attempt" : $"{delivery.Attempts.ToString(CultureInfo.InvariantCulture)} attempts";
            yield return $"{delivery.Id}  {delivery.EventType}  {delivery.Status}  {attempts}";
            yield return $"  url        {delivery.Url}";
            yield return $"  last       {LastAttempt(delivery)}";
            if (delivery.DeliveredAt is { } delivered)
            {
                yield return $"  delivered  {JobRenderer.Time(delivered)}";
            }
            else if (delivery.NextAttemptAt is { } next)
            {
                yield return $"  next       {JobRenderer.Time(next)}";
            }
        }
    }

    /// <summary>The receiver's status code, or the error when nothing answered, how long it took and when.</summary>
    public static string LastAttempt(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.AttemptLog.Count == 0)
        {
            return "not attempted yet";
        }

        var last = delivery.AttemptLog[^1];
        var outcome = last.StatusCode is { } status ? $"HTTP {status.ToString(CultureInfo.InvariantCulture)}" : last.Error ?? "no answer";
        return $"{outcome} in {last.DurationMs.ToString(CultureInfo.InvariantCulture)} ms at {JobRenderer.Time(last.AttemptedAt)}";
    }
}
