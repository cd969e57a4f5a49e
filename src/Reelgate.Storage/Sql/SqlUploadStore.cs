using Dapper;
using Reelgate.Core.Ports;
using Reelgate.Core.Uploads;

namespace Reelgate.Storage.Sql;

/// <summary>Upload records in SQL.</summary>
public sealed class SqlUploadStore(SqlDialect dialect) : IUploadStore, IUploadQuotaStore
{
    private const string Insert =
        "INSERT INTO uploads (id, key_id, blob_key, content_type, width, height, bytes, original_width, original_height, created_at) " +
        "VALUES (@Id, @KeyId, @BlobKey, @ContentType, @Width, @Height, @Bytes, @OriginalWidth, @OriginalHeight, @CreatedAt)";

    private const string Usage =
        "SELECT CAST(COALESCE(SUM(bytes), 0) AS BIGINT) AS UsedBytes, MIN(created_at) AS OldestAt FROM uploads WHERE key_id = @KeyId";

    public async Task CreateAsync(Upload upload, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Insert, Parameters(upload), cancellationToken: cancellationToken));
    }

    public async Task<UploadQuotaOutcome> CreateWithinQuotaAsync(Upload upload, long? limitBytes, CancellationToken cancellationToken)
    {
        if (limitBytes is null)
        {
            await CreateAsync(upload, cancellationToken);
            return new UploadQuotaOutcome.Stored();
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);

        // Uploads of one key queue behind each other on the key's row (PostgreSQL), or behind the one writer (SQLite).
        await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            $"SELECT id FROM api_keys WHERE id = @KeyId {dialect.RowLockClause}", new { upload.KeyId }, transaction,
            cancellationToken: cancellationToken));
        var usage = await connection.QuerySingleAsync<UsageRow>(new CommandDefinition(
            Usage, new { upload.KeyId }, transaction, cancellationToken: cancellationToken));
        if (usage.UsedBytes + upload.Bytes > limitBytes.Value)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new UploadQuotaOutcome.OverQuota(usage.UsedBytes, limitBytes.Value, UnixTime.At(usage.OldestAt));
        }

        await connection.ExecuteAsync(new CommandDefinition(Insert, Parameters(upload), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new UploadQuotaOutcome.Stored();
    }

    public async Task<UploadUsage> GetUsageAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var usage = await connection.QuerySingleAsync<UsageRow>(
            new CommandDefinition(Usage, new { KeyId = keyId }, cancellationToken: cancellationToken));
        return new UploadUsage(usage.UsedBytes, UnixTime.At(usage.OldestAt));
    }

    private static object Parameters(Upload upload) => new
    {
        upload.Id,
        upload.KeyId,
        upload.BlobKey,
        upload.ContentType,
        upload.Width,
        upload.Height,
        upload.Bytes,
        upload.OriginalWidth,
        upload.OriginalHeight,
        CreatedAt = UnixTime.Ms(upload.CreatedAt),
    };

    public async Task<Upload?> GetAsync(string uploadId, string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UploadRow>(new CommandDefinition(
            "SELECT id AS Id, key_id AS KeyId, blob_key AS BlobKey, content_type AS ContentType, width AS Width, height AS Height, " +
            "bytes AS Bytes, original_width AS OriginalWidth, original_height AS OriginalHeight, created_at AS CreatedAt " +
            "FROM uploads WHERE id = @Id AND key_id = @KeyId",
            new { Id = uploadId, KeyId = keyId }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new Upload(row.Id, row.KeyId, row.BlobKey, row.ContentType, (int)row.Width, (int)row.Height, row.Bytes,
                (int)row.OriginalWidth, (int)row.OriginalHeight, UnixTime.At(row.CreatedAt));
    }

    private sealed class UsageRow
    {
        public long UsedBytes { get; set; }

        public long? OldestAt { get; set; }
    }

    private sealed class UploadRow
    {
        public string Id { get; set; } = "";

        public string KeyId { get; set; } = "";

        public string BlobKey { get; set; } = "";

        public string ContentType { get; set; } = "";

        public long Width { get; set; }

        public long Height { get; set; }

        public long Bytes { get; set; }

        public long OriginalWidth { get; set; }

        public long OriginalHeight { get; set; }

        public long CreatedAt { get; set; }
    }
}
