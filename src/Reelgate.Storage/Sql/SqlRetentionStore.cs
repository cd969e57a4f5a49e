using Dapper;
using Reelgate.Core.Ports;
using Reelgate.Core.Uploads;

namespace Reelgate.Storage.Sql;

/// <summary>Finds what retention must sweep and records that it was.</summary>
public sealed class SqlRetentionStore(SqlDialect dialect) : IRetentionStore
{
    public async Task<IReadOnlyList<string>> ListExpiredJobsAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM jobs WHERE outputs_deleted_at IS NULL AND completed_at IS NOT NULL AND completed_at < @Cutoff " +
            "ORDER BY completed_at LIMIT @Limit",
            new { Cutoff = UnixTime.Ms(cutoff), Limit = limit }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task MarkOutputsDeletedAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET outputs_deleted_at = @Now, version = version + 1 WHERE id = @Id AND outputs_deleted_at IS NULL",
            new { Id = jobId, Now = UnixTime.Ms(now) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Upload>> ListExpiredUploadsAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string KeyId, string BlobKey, string ContentType, long CreatedAt)>(
            new CommandDefinition(
            "SELECT id, key_id, blob_key, content_type, created_at FROM uploads " +
            "WHERE created_at < @Cutoff ORDER BY created_at LIMIT @Limit",
            new { Cutoff = UnixTime.Ms(cutoff), Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new Upload(r.Id, r.KeyId, r.BlobKey, r.ContentType, 0, 0, 0, 0, 0, UnixTime.At(r.CreatedAt))).ToList();
    }

    public async Task DeleteUploadAsync(string uploadId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM uploads WHERE id = @Id", new { Id = uploadId }, cancellationToken: cancellationToken));
    }
}
