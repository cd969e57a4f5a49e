namespace Reelgate.Core.Jobs;

/// <summary>Why a job failed, in words a user can act on. Never holds a credential.</summary>
public sealed record JobError(string Code, string Message);
