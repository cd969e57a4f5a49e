namespace Reelgate.Client.Waiting;

/// <summary>How <see cref="ReelgateClient.WaitAsync"/> follows a job.</summary>
public sealed record WaitOptions
{
    /// <summary>Give up after this long with a <see cref="ReelgateException"/> of type <c>timeout</c> (the job goes on). Null waits as long
    /// as it takes.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Follow the job's Server-Sent Events; false polls GET /v1/jobs/{id} only.</summary>
    public bool UseEvents { get; init; } = true;

    /// <summary>The first pause between polls; it grows by half each unchanged poll up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times a broken event stream is reopened in a row before polling takes over.</summary>
    public int MaxStreamReconnects { get; init; } = 3;
}
