namespace Reelgate.Engines.Local.Simulation;

/// <summary>What a <c>reelgate_simulate</c> step does.</summary>
public enum SimulationAction
{
    /// <summary><c>fail:&lt;code&gt;</c>: the job fails with that error code (not retryable).</summary>
    Fail,

    /// <summary><c>fail_retryable:&lt;code&gt;</c>: the job fails with that code, marked retryable.</summary>
    FailRetryable,

    /// <summary><c>moderation</c>: the prompt is refused by (simulated) content moderation.</summary>
    Moderation,

    /// <summary><c>delay:&lt;seconds&gt;</c>: wait that long, then go on.</summary>
    Delay,

    /// <summary><c>stall</c>: never finish; only a cancel ends it.</summary>
    Stall,
}
