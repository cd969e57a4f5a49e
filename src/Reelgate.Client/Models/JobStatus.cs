using Reelgate.Client.Serialization;

namespace Reelgate.Client.Models;

/// <summary>Where a job is: queued, processing, or one of the final states completed, failed, cancelled.</summary>
public readonly record struct JobStatus(string Value) : IWireValue<JobStatus>
{
    public static JobStatus Queued { get; } = new("queued");

    public static JobStatus Processing { get; } = new("processing");

    public static JobStatus Completed { get; } = new("completed");

    public static JobStatus Failed { get; } = new("failed");

    public static JobStatus Cancelled { get; } = new("cancelled");

    /// <summary>Every value this client knows; a newer server may send others.</summary>
    public static IReadOnlyList<JobStatus> Known { get; } = [Queued, Processing, Completed, Failed, Cancelled];

    /// <summary>completed, failed and cancelled are final: the job changes no more.</summary>
    public bool IsFinal => this == Completed || this == Failed || this == Cancelled;

    public static JobStatus FromWire(string value) => new(value);

    public static implicit operator JobStatus(string value) => new(value);

    public override string ToString() => Value;
}
