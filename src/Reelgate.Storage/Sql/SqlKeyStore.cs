using System.Data.Common;
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
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        await InsertAsync(connection, transaction, key, key.InitialCredits, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task InsertAsync(
        DbConnection connection, DbTransaction transaction, NewApiKey key, Money credit, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var k = key.Key;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO api_keys (id, name, prefix, hash, owner, is_admin, created_at, available_micros, held_micros, " +
            "limit_spend_per_day_micros, limit_jobs_in_flight, limit_requests_per_minute, limit_upload_bytes, " +
            "webhook_secret, webhook_url, " +
            "weight, is_test) VALUES (@Id, @Name, @Prefix, @Hash, @Owner, @IsAdmin, @CreatedAt, 0, 0, @SpendPerDay, @JobsInFlight, " +
            "@RequestsPerMinute, @UploadBytes, @WebhookSecret, @WebhookUrl, @Weight, @IsTest)",
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
                k.Limits.UploadBytes,
                key.WebhookSecret,
                k.WebhookUrl,
                k.Weight,
                IsTest = k.IsTest ? 1 : 0,
            },
            transaction, cancellationToken: cancellationToken));
        if (credit > Money.Zero)
        {
            await LedgerWriter.CreditAsync(connection, transaction, k.Id, credit.Micros, now, cancellationToken);
        }
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

    public async Task<IReadOnlyList<KeyBalance>> ListWithBalancesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow, BalanceRow, KeyBalance>(new CommandDefinition(
            $"SELECT {KeyRow.Columns}, available_micros AS Available, held_micros AS Held FROM api_keys ORDER BY created_at DESC, id DESC",
            cancellationToken: cancellationToken),
            (key, balance) => new KeyBalance(key.ToKey(), new Balance(new Money(balance.Available), new Money(balance.Held))),
            splitOn: nameof(BalanceRow.Available));
        return rows.ToList();
    }

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM api_keys WHERE is_admin = 1 AND revoked_at IS NULL", cancellationToken: cancellationToken)) > 0;
    }

    public async Task<RevokeOutcome> RevokeAsync(string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        var isAdmin = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT is_admin FROM api_keys WHERE id = @Id AND revoked_at IS NULL", new { Id = keyId }, transaction,
            cancellationToken: cancellationToken));
        if (isAdmin is null)
        {
            return RevokeOutcome.Unchanged;
        }

        if (isAdmin != 0)
        {
            // Every active admin row, locked in one order (PostgreSQL), so two nodes revoking the last two admins
            // queue behind each other and the second sees the first's revocation; SQLite has one writer anyway.
            var admins = (await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT id FROM api_keys WHERE is_admin = 1 AND revoked_at IS NULL ORDER BY id {dialect.RowLockClause}",
                transaction: transaction, cancellationToken: cancellationToken))).ToList();
            if (!admins.Contains(keyId, StringComparer.Ordinal))
            {
                return RevokeOutcome.Unchanged;
            }

            if (admins.Count == 1)
            {
                return RevokeOutcome.LastAdmin;
            }
        }

        var revoked = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL",
            new { Id = keyId, Now = UnixTime.Ms(now) }, transaction, cancellationToken: cancellationToken)) == 1;
        await transaction.CommitAsync(cancellationToken);
        return revoked ? RevokeOutcome.Revoked : RevokeOutcome.Unchanged;
    }

    public async Task<bool> SetLimitsAsync(string keyId, KeyLimits limits, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET limit_spend_per_day_micros = @SpendPerDay, limit_jobs_in_flight = @JobsInFlight, " +
            "limit_requests_per_minute = @RequestsPerMinute, limit_upload_bytes = @UploadBytes WHERE id = @Id",
            new
            {
                Id = keyId,
                SpendPerDay = limits.SpendPerDay?.Micros,
                limits.JobsInFlight,
                limits.RequestsPerMinute,
                limits.UploadBytes,
            },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<AdminBootstrapOutcome> BootstrapAdminAsync(AdminBootstrap bootstrap, CancellationToken cancellationToken)
    {
        var key = bootstrap.Key;
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        if (bootstrap.Configured && await StoredAsync(connection, transaction, key.Hash, cancellationToken) is { } stored)
        {
            // Adopt a configured key stored before bootstraps were recorded (or by a node that won the race).
            await ClaimBootstrapAsync(connection, transaction, stored.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return stored.RevokedAt is null ? new AdminBootstrapOutcome.Unchanged() : new AdminBootstrapOutcome.ConfiguredKeyRevoked();
        }

        // The first bootstrap of this database takes the settings row; a node starting at the same moment waits
        // on it (PostgreSQL: the conflicting insert waits for our commit; SQLite: one writer) and then sees it.
        if (await ClaimBootstrapAsync(connection, transaction, key.Key.Id, cancellationToken))
        {
            var anyAdmin = await connection.QuerySingleAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM api_keys WHERE is_admin = 1", transaction: transaction, cancellationToken: cancellationToken)) > 0;
            if (!bootstrap.Configured && anyAdmin)
            {
                // A database older than the record: its admin was made (and credited) already.
                await transaction.RollbackAsync(cancellationToken);
                return new AdminBootstrapOutcome.Unchanged();
            }

            await InsertAsync(connection, transaction, key, anyAdmin ? Money.Zero : bootstrap.Credit, bootstrap.Now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new AdminBootstrapOutcome.Created(!anyAdmin && bootstrap.Credit > Money.Zero);
        }

        if (!bootstrap.Configured)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new AdminBootstrapOutcome.Unchanged();
        }

        var previous = await connection.QuerySingleAsync<string>(new CommandDefinition(
            $"SELECT value FROM settings WHERE name = @Name {dialect.RowLockClause}", new { Name = BootstrapSetting }, transaction,
            cancellationToken: cancellationToken));
        if (await StoredAsync(connection, transaction, key.Hash, cancellationToken) is not null)
        {
            // Another node replaced the key with this same one while we waited.
            await transaction.RollbackAsync(cancellationToken);
            return new AdminBootstrapOutcome.Unchanged();
        }

        await InsertAsync(connection, transaction, key, Money.Zero, bootstrap.Now, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL",
            new { Id = previous, Now = UnixTime.Ms(bootstrap.Now) }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE settings SET value = @Id WHERE name = @Name", new { Name = BootstrapSetting, key.Key.Id }, transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new AdminBootstrapOutcome.Replaced(previous);
    }

    /// <summary>The settings row naming the current bootstrap admin key.</summary>
    public const string BootstrapSetting = "bootstrap_admin_key_id";

    private static async Task<bool> ClaimBootstrapAsync(
        DbConnection connection, DbTransaction transaction, string keyId, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO settings (name, value) VALUES (@Name, @Id) ON CONFLICT (name) DO NOTHING",
            new { Name = BootstrapSetting, Id = keyId }, transaction, cancellationToken: cancellationToken)) == 1;

    private static Task<StoredKey?> StoredAsync(
        DbConnection connection, DbTransaction transaction, string hash, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<StoredKey>(new CommandDefinition(
            "SELECT id AS Id, revoked_at AS RevokedAt FROM api_keys WHERE hash = @Hash", new { Hash = hash }, transaction,
            cancellationToken: cancellationToken));

    private sealed class StoredKey
    {
        public string Id { get; set; } = "";

        public long? RevokedAt { get; set; }
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
                "SELECT seq FROM ledger WHERE id = @Id AND key_id = @KeyId", new { Id = after, KeyId = keyId },
                cancellationToken: cancellationToken));
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
