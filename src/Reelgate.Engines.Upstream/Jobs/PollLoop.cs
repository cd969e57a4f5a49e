namespace Reelgate.Engines.Upstream.Jobs;

/// <summary>
/// Polls a provider's job until it is done: the one loop every upstream engine runs. A job just submitted waits one
/// interval before its first poll (a resumed one polls at once); each later wait grows by half up to
/// <see cref="UpstreamOptions.MaxPollInterval"/>, and a longer Retry-After is honoured. The loop stops at the deadline
/// (the provider's acceptance plus <see cref="UpstreamOptions.Timeout"/>), on a final answer, or after
/// <see cref="UpstreamOptions.MaxPollFailures"/> transient polls in a row.
/// </summary>
internal sealed class PollLoop(UpstreamOptions options, TimeProvider time)
{
    /// <summary>Told of every pending answer: the provider's percent (or null) and how long polling has run.</summary>
    public required Action<int?, TimeSpan> Pending { get; init; }

    /// <summary>Told of every transient poll: why it did not count.</summary>
    public required Action<string> Transient { get; init; }

    /// <summary>The final poll: succeeded, failed, or too many failed polls in a row; null when the timeout passed.</summary>
    public async Task<PollResult?> RunAsync(
        DateTimeOffset acceptedAt, bool waitFirst, Func<CancellationToken, Task<PollResult>> pollAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pollAsync);
        var deadline = acceptedAt + options.Timeout;
        var interval = options.PollInterval;
        var wait = waitFirst ? interval : TimeSpan.Zero;
        var failures = 0;
        var pollingSince = time.GetTimestamp();
        while (true)
        {
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < remaining ? wait : remaining, time, cancellationToken);
                if (time.GetUtcNow() >= deadline)
                {
                    continue;
                }
            }

            var poll = await pollAsync(cancellationToken);
            switch (poll)
            {
                case PollResult.Succeeded or PollResult.Failed:
                    return poll;
                case PollResult.Pending pending:
                    failures = 0;
                    Pending(pending.Percent, time.GetElapsedTime(pollingSince));
                    wait = interval;
                    break;
                case PollResult.Transient transient:
                    Transient(transient.Reason);
                    if (++failures >= options.MaxPollFailures)
                    {
                        return transient;
                    }

                    wait = transient.RetryAfter is { } asked && asked > interval ? asked : interval;
                    break;
            }

            var next = interval * 1.5;
            interval = next < options.MaxPollInterval ? next : options.MaxPollInterval;
        }
    }
}
