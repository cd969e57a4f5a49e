using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Pricing;
using Reelgate.Core.Validation;

namespace Reelgate.Storage.Sql;

/// <summary>A row of the jobs table as Dapper reads it, and its mapping to and from <see cref="Job"/>.</summary>
internal sealed class JobRow
{
    /// <summary>The columns in the order of the properties, aliased to them; every SELECT of jobs uses it.</summary>
    public const string Columns =
        "seq AS Seq, id AS Id, key_id AS KeyId, model AS Model, status AS Status, progress AS Progress, " +
        "created_at AS CreatedAt, started_at AS StartedAt, completed_at AS CompletedAt, request_json AS RequestJson, " +
        "price_micros AS PriceMicros, cost_state AS CostState, result_json AS ResultJson, inputs_json AS InputsJson, " +
        "error_code AS ErrorCode, error_message AS ErrorMessage, attempts AS Attempts, version AS Version, " +
        "lease_owner AS LeaseOwner, lease_expires_at AS LeaseExpiresAt, engine AS Engine, checkpoint AS Checkpoint, " +
        "outputs_deleted_at AS OutputsDeletedAt, simulate AS Simulate, retry_at AS RetryAt, remixed_from AS RemixedFrom";

    public long Seq { get; set; }

    public string Id { get; set; } = "";

    public string KeyId { get; set; } = "";

    public string Model { get; set; } = "";

    public string Status { get; set; } = "";

    public long Progress { get; set; }

    public long CreatedAt { get; set; }

    public long? StartedAt { get; set; }

    public long? CompletedAt { get; set; }

    public string RequestJson { get; set; } = "";

    public long PriceMicros { get; set; }

    public string CostState { get; set; } = "";

    public string? ResultJson { get; set; }

    public string InputsJson { get; set; } = "[]";

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public long Attempts { get; set; }

    public long Version { get; set; }

    public string? LeaseOwner { get; set; }

    public long? LeaseExpiresAt { get; set; }

    public string? Engine { get; set; }

    public string? Checkpoint { get; set; }

    public long? OutputsDeletedAt { get; set; }

    public long Simulate { get; set; }

    public long? RetryAt { get; set; }

    public string? RemixedFrom { get; set; }

    public Job ToJob() =>
        Job.Restored(Id, KeyId, UnixTime.At(CreatedAt), StoredJson.Read<GenerationSpec>(RequestJson), new Money(PriceMicros)) with
        {
            Status = JobStatusNames.Parse(Status) ?? throw new InvalidOperationException($"job {Id} has an unknown status '{Status}'"),
            Progress = (int)Progress,
            StartedAt = UnixTime.At(StartedAt),
            CompletedAt = UnixTime.At(CompletedAt),
            CostState = CostStateNames.Parse(CostState),
            Result = ResultJson is null ? null : StoredJson.Read<JobResult>(ResultJson),
            Inputs = StoredJson.Read<List<JobInput>>(InputsJson),
            Error = ErrorCode is null ? null : new JobError(ErrorCode, ErrorMessage ?? ""),
            Attempts = (int)Attempts,
            Version = Version,
            LeaseOwner = LeaseOwner,
            LeaseExpiresAt = UnixTime.At(LeaseExpiresAt),
            Engine = Engine,
            Checkpoint = Checkpoint,
            OutputsDeletedAt = UnixTime.At(OutputsDeletedAt),
            Simulate = Simulate != 0,
            RetryAt = UnixTime.At(RetryAt),
            RemixedFrom = RemixedFrom,
        };
}
