namespace Reelgate.Client.Models;

/// <summary>Why a job failed.</summary>
public sealed record JobError(string Code, string Message);
