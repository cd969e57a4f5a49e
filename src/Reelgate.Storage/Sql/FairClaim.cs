using System.Data.Common;
using Dapper;

namespace Reelgate.Storage.Sql;

/// <summary>
/// One claim, fair between keys: a key that floods the queue delays its own jobs, not everybody's. Of the keys with
/// claimable work, the one with the fewest jobs processing for its weight goes first (ties: whose oldest waiting job
/// is oldest), and that key's oldest claimable job is taken. Both statements run in the caller's write transaction;
/// on PostgreSQL two claimers may pick the same key, so the job row is taken with the dialect's SKIP LOCKED and the
/// next key is tried when another claimer holds it.
/// </summary>
internal sealed class FairClaim(SqlDialect dialect, DbConnection connection, DbTransaction transaction, object parameters)
{
    /// <summary>How many keys, in fair order, one claim tries before it takes the oldest job of any key.</summary>
    private const int KeysTried = 8;

    private const string Eligible = $"{SqlJobStore.Claimable} AND attempts < @MaxAttempts";

    // Weight w lets a key fill w slots for every one of a weight-1 key: compare running jobs per unit of weight.
    private const string KeysInFairOrder =
        "SELECT q.key_id FROM (SELECT key_id, MIN(seq) AS first_seq FROM jobs WHERE " + Eligible + " GROUP BY key_id) q " +
        "JOIN api_keys k ON k.id = q.key_id " +
        "LEFT JOIN (SELECT key_id, COUNT(*) AS running FROM jobs " +
        "WHERE status = 'processing' AND lease_expires_at >= @Now GROUP BY key_id) r " +
        "ON r.key_id = q.key_id " +
        "ORDER BY COALESCE(r.running, 0) * 1000 / k.weight, q.first_seq LIMIT @KeysTried";

    private const string Take =
        "UPDATE jobs SET status = 'processing', lease_owner = @Owner, lease_expires_at = @Until, " +
        "attempts = attempts + 1, retry_at = NULL, " +
        "progress = 0, started_at = COALESCE(started_at, @Now), updated_at = @Now, version = version + 1 ";

    public async Task<JobRow?> TakeAsync(CancellationToken cancellationToken)
    {
        var arguments = new DynamicParameters(parameters);
        arguments.Add("KeysTried", KeysTried);
        var keys = await connection.QueryAsync<string>(
            new CommandDefinition(KeysInFairOrder, arguments, transaction, cancellationToken: cancellationToken));
        foreach (var keyId in keys)
        {
            arguments.Add("KeyId", keyId);
            var row = await TakeOldestAsync("key_id = @KeyId AND ", arguments, cancellationToken);
            if (row is not null)
            {
                return row;
            }
        }

        // Every key tried was taken by concurrent claimers (or more keys wait than were tried): any job will do.
        return await TakeOldestAsync("", arguments, cancellationToken);
    }

    private Task<JobRow?> TakeOldestAsync(string filter, DynamicParameters arguments, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            Take +
            $"WHERE seq = (SELECT seq FROM jobs WHERE {filter}{Eligible} ORDER BY seq LIMIT 1 {dialect.ClaimLockClause}) " +
            $"AND {SqlJobStore.Claimable} RETURNING {JobRow.Columns}",
            arguments, transaction, cancellationToken: cancellationToken));
}
