using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;

namespace Reelgate.Storage.Sql;

/// <summary>The column values of a new job's row, serialized once: what a batch inserts into jobs.</summary>
internal sealed record NewJobRow(
    string Id,
    string KeyId,
    string Model,
    string Status,
    long Progress,
    long CreatedAt,
    string RequestJson,
    long PriceMicros,
    string CostState,
    string InputsJson,
    string? WebhookUrl,
    long Simulate,
    string? RemixedFrom)
{
    /// <summary>Every new job starts with no attempts at version 1; updated_at is created_at.</summary>
    public const string Insert =
        "INSERT INTO jobs (id, key_id, model, status, progress, created_at, updated_at, request_json, price_micros, " +
        "cost_state, inputs_json, attempts, version, webhook_url, simulate, remixed_from) " +
        "VALUES (@Id, @KeyId, @Model, @Status, @Progress, @CreatedAt, @CreatedAt, @RequestJson, @PriceMicros, " +
        "@CostState, @InputsJson, 0, 1, @WebhookUrl, @Simulate, @RemixedFrom)";

    public static NewJobRow From(Job job) => new(
        job.Id,
        job.KeyId,
        job.Request.Model,
        job.Status.ToWire(),
        job.Progress,
        UnixTime.Ms(job.CreatedAt),
        StoredJson.Write(job.Request),
        job.Price.Micros,
        CostStateNames.ToWire(job.CostState),
        StoredJson.Write(job.Inputs),
        job.Request.WebhookUrl,
        job.Simulate ? 1 : 0,
        job.RemixedFrom);
}
