using Reelgate.Core.Jobs;

namespace Reelgate.Storage.Sql;

/// <summary>
/// An idempotency key already stored for a key: the job it made and the hash of the body that made it.
/// <see cref="Job"/> is null when the row outlived its job.
/// </summary>
internal sealed record EarlierSubmission(string JobId, string RequestHash, long CreatedAt, Job? Job);
