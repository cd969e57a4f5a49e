using Dapper;
using Reelgate.Core;
using Reelgate.Core.Billing;
using Reelgate.Core.Keys;
using Reelgate.Core.Pricing;
using Reelgate.Core.Ports;

namespace Reelgate.Storage.Sql;

/// <summary>Keys, balances and ledgers in SQL; every balance change writes its ledger row in the same transaction.</summary>
public sealed class SqlKeyStore(SqlDialect dialect) : IKeyStore
{
    public async Task CreateAsync(NewApiKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var k = key.Key;
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO api_keys (id, name, prefix, hash, owner, is_admin, created_at, available_micros, held_micros, " +
            "limit_spend_per_day_micros, limit_jobs_in_flight, limit_requests_per_minute, webhook_secret, webhook_url, " +
            "weight, is_test) VALUES (@Id, @Name, @Prefix, @Hash, @Owner, @IsAdmin, @CreatedAt, 0, 0, @SpendPerDay, @JobsInFlight, " +
            "@RequestsPerMinute, @WebhookSecret, @WebhookUrl, @Weight, @IsTest)",
            new
            {
                k.Id,
                k.Name,
                k.Prefix,
                key.Hash,
                k.Owner,
                IsAdmin = k.IsAdmin ? 1 : 0,
                CreatedAt = UnixTime.Ms(k.CreatedAt),
                SpendPerDay = k.Limits.SpendPerDay?.Micros,
                k.Limits.JobsInFlight,
                k.Limits.RequestsPerMinute,
                key.WebhookSecret,
                k.WebhookUrl,
                k.Weight,
                IsTest = k.IsTest ? 1 : 0,
            },
            transaction, cancellationToken: cancellationToken));
        if (key.InitialCredits > Money.Zero)
        {
            await LedgerWriter.CreditAsync(connection, transaction, k.Id, key.InitialCredits.Micros, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ApiKey?> FindByHashAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            $"SELECT {KeyRow.Columns} FROM api_keys WHERE hash = @Hash", new { Hash = hash }, cancellationToken: cancellationToken));
        return row?.ToKey();
    }

    public async Task<ApiKey?> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            $"SELECT {KeyRow.Columns} FROM api_keys WHERE id = @Id", new { Id = keyId }, cancellationToken: cancellationToken));
        return row?.ToKey();
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            $"SELECT {KeyRow.Columns} FROM api_keys ORDER BY created_at DESC, id DESC", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToKey()).ToList();
    }

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM api_keys WHERE is_admin = 1 AND revoked_at IS NULL", cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> RevokeAsync(string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL",
            new { Id = keyId, Now = UnixTime.Ms(now) }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<Balance?> AddCreditsAsync(string keyId, Money amount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        var balance = await LedgerWriter.CreditAsync(connection, transaction, keyId, amount.Micros, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return balance is { } b ? new Balance(new Money(b.Available), new Money(b.Held)) : null;
    }

    public async Task<Balance?> GetBalanceAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<BalanceRow>(new CommandDefinition(
            "SELECT available_micros AS Available, held_micros AS Held FROM api_keys WHERE id = @Id",
            new { Id = keyId }, cancellationToken: cancellationToken));
        return row is null ? null : new Balance(new Money(row.Available), new Money(row.Held));
    }

    public async Task<Page<LedgerEntry>?> ListLedgerAsync(string keyId, int limit, string? after, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        long? afterSeq = null;
        if (after is not null)
        {
            afterSeq = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT seq FROM ledger WHERE id = @Id AND key_id = @KeyId", new { Id = after, KeyId = keyId }, cancellationToken: cancellationToken));
            if (afterSeq is null)
            {
                return null;
            }
        }

        var rows = (await connection.QueryAsync<LedgerRow>(new CommandDefinition(
            $"SELECT {LedgerRow.Columns} FROM ledger WHERE key_id = @KeyId AND (@AfterSeq IS NULL OR seq < @AfterSeq) " +
            "ORDER BY seq DESC LIMIT @Take",
            new { KeyId = keyId, AfterSeq = afterSeq, Take = limit + 1 }, cancellationToken: cancellationToken))).ToList();
        var hasMore = rows.Count > limit;
        var entries = rows.Take(limit).Select(r => r.ToEntry()).ToList();
        return new Page<LedgerEntry>(entries, hasMore, hasMore ? entries[^1].Id : null);
    }
}
