using System.Data.Common;
using Dapper;
using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;

namespace Reelgate.Storage.Sql;

/// <summary>
/// Moves a key's credit and writes the ledger row for it, inside the caller's transaction, so a balance
/// change never commits without its row (and the job state change that caused it).
/// </summary>
internal static class LedgerWriter
{
    private const string InsertRow =
        "INSERT INTO ledger (id, key_id, created_at, kind, amount_micros, job_id, available_after_micros) " +
        "VALUES (@Id, @KeyId, @CreatedAt, @Kind, @Amount, @JobId, @AvailableAfter)";

    /// <summary>Gives a held price back to available (failed or cancelled job).</summary>
    public static async Task ReleaseAsync(
        DbConnection connection, DbTransaction transaction, string keyId, long price, string jobId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var available = await MoveAsync(connection, transaction, keyId, availableDelta: price, heldDelta: -price, cancellationToken);
        await WriteRowAsync(connection, transaction, keyId, LedgerKind.Release, price, jobId, available, now, cancellationToken);
    }

    /// <summary>Turns a held price into a charge: a release and a charge row, available unchanged, held reduced.</summary>
    public static async Task ChargeAsync(
        DbConnection connection, DbTransaction transaction, string keyId, long price, string jobId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var available = await MoveAsync(connection, transaction, keyId, availableDelta: 0, heldDelta: -price, cancellationToken);
        await WriteRowAsync(connection, transaction, keyId, LedgerKind.Release, price, jobId, available + price, now, cancellationToken);
        await WriteRowAsync(connection, transaction, keyId, LedgerKind.Charge, -price, jobId, available, now, cancellationToken);
    }

    /// <summary>Adds credit; returns (available, held) after, or null when the key does not exist.</summary>
    public static async Task<(long Available, long Held)?> CreditAsync(
        DbConnection connection, DbTransaction transaction, string keyId, long amount, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<BalanceRow>(new CommandDefinition(
            "UPDATE api_keys SET available_micros = available_micros + @Amount WHERE id = @KeyId " +
            "RETURNING available_micros AS Available, held_micros AS Held",
            new { KeyId = keyId, Amount = amount }, transaction, cancellationToken: cancellationToken));
        var balance = rows.SingleOrDefault();
        if (balance is null)
        {
            return null;
        }

        await WriteRowAsync(connection, transaction, keyId, LedgerKind.Credit, amount, null, balance.Available, now, cancellationToken);
        return (balance.Available, balance.Held);
    }

    private static Task<long> MoveAsync(
        DbConnection connection, DbTransaction transaction, string keyId, long availableDelta, long heldDelta,
        CancellationToken cancellationToken) =>
        connection.QuerySingleAsync<long>(new CommandDefinition(
            "UPDATE api_keys SET available_micros = available_micros + @AvailableDelta, held_micros = held_micros + @HeldDelta " +
            "WHERE id = @KeyId RETURNING available_micros",
            new { KeyId = keyId, AvailableDelta = availableDelta, HeldDelta = heldDelta }, transaction,
            cancellationToken: cancellationToken));

    private static Task<int> WriteRowAsync(
        DbConnection connection, DbTransaction transaction, string keyId, LedgerKind kind, long amount, string? jobId,
        long availableAfter, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertRow, new
        {
            Id = Ids.New(Ids.LedgerPrefix, now),
            KeyId = keyId,
            CreatedAt = UnixTime.Ms(now),
            Kind = LedgerKindNames.ToWire(kind),
            Amount = amount,
            JobId = jobId,
            AvailableAfter = availableAfter,
        }, transaction, cancellationToken: cancellationToken));
}
