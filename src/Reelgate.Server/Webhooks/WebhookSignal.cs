using Reelgate.Server.Workers;

namespace Reelgate.Server.Webhooks;

/// <summary>Wakes this node's webhook sender when an event may be due (a job ended here, a redeliver); one wake-up is enough.</summary>
public sealed class WebhookSignal() : WakeSignal(1);
