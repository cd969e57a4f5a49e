using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Keys;
using Reelgate.Core.Pricing;

namespace Reelgate.Storage.Tests.Keys;

/// <summary>Keys, their balances and their ledgers.</summary>
public abstract class KeyStoreTests : StoreContract
{
    [Fact]
    public async Task Create_stores_the_key_with_its_limits_and_a_credit_row_when_it_starts_with_credit()
    {
        await using var db = await NewDatabaseAsync();
        var secret = KeySecrets.NewKey();
        var limits = new KeyLimits(Money.Parse("12.50"), 4, 60);
        var key = new ApiKey(Ids.New(Ids.KeyPrefix, Now), "studio", KeySecrets.DisplayPrefix(secret), "team-a", false, Now, null, limits);

        await db.Keys.CreateAsync(new NewApiKey(key, KeySecrets.Hash(secret), Money.Parse("3.19")), Now, Token);

        (await db.Keys.FindByHashAsync(KeySecrets.Hash(secret), Token)).ShouldBe(key);
        (await db.Keys.GetAsync(key.Id, Token)).ShouldBe(key);
        (await db.Keys.GetBalanceAsync(key.Id, Token)).ShouldBe(new Balance(Money.Parse("3.19"), Money.Zero));
        var credit = (await LedgerAsync(db.Keys, key.Id)).ShouldHaveSingleItem();
        (credit.Kind, credit.Amount, credit.JobId, credit.AvailableAfter, credit.CreatedAt).ShouldBe(
            (LedgerKind.Credit, Money.Parse("3.19"), (string?)null, Money.Parse("3.19"), Now));
        credit.Id.ShouldStartWith(Ids.LedgerPrefix);
    }

    [Fact]
    public async Task Create_writes_no_ledger_row_when_the_key_starts_without_credit()
    {
        await using var db = await NewDatabaseAsync();

        var key = await CreateKeyAsync(db.Keys, "0");

        (await LedgerAsync(db.Keys, key)).ShouldBeEmpty();
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Zero, Money.Zero));
    }

    [Fact]
    public async Task Find_returns_null_when_no_key_has_the_hash()
    {
        await using var db = await NewDatabaseAsync();
        await CreateKeyAsync(db.Keys);

        (await db.Keys.FindByHashAsync(KeySecrets.Hash(KeySecrets.NewKey()), Token)).ShouldBeNull();
        (await db.Keys.GetAsync(Ids.New(Ids.KeyPrefix, Now), Token)).ShouldBeNull();
        (await db.Keys.GetBalanceAsync(Ids.New(Ids.KeyPrefix, Now), Token)).ShouldBeNull();
    }

    [Fact]
    public async Task List_returns_newest_first_and_AnyAdmin_follows_revocation_when_keys_change()
    {
        await using var db = await NewDatabaseAsync();
        (await db.Keys.AnyAdminAsync(Token)).ShouldBeFalse();
        var older = await CreateKeyAsync(db.Keys, admin: true, at: Now);
        var newer = await CreateKeyAsync(db.Keys, at: Now.AddMinutes(1));

        (await db.Keys.ListAsync(Token)).Select(k => k.Id).ShouldBe([newer, older]);
        (await db.Keys.AnyAdminAsync(Token)).ShouldBeTrue();

        (await db.Keys.RevokeAsync(newer, Now.AddMinutes(2), Token)).ShouldBe(RevokeOutcome.Revoked);
        (await db.Keys.RevokeAsync(newer, Now.AddMinutes(3), Token)).ShouldBe(RevokeOutcome.Unchanged);
        (await db.Keys.GetAsync(newer, Token))!.RevokedAt.ShouldBe(Now.AddMinutes(2));
        (await db.Keys.RevokeAsync(older, Now.AddMinutes(3), Token)).ShouldBe(RevokeOutcome.LastAdmin);
        (await db.Keys.GetAsync(older, Token))!.RevokedAt.ShouldBeNull();
        (await db.Keys.AnyAdminAsync(Token)).ShouldBeTrue();
    }

    [Fact]
    public async Task ListWithBalances_returns_every_key_newest_first_with_its_own_balance_when_keys_hold_and_hold_nothing()
    {
        await using var db = await NewDatabaseAsync();
        var older = await CreateKeyAsync(db.Keys, "1.00", at: Now);
        var newer = await CreateKeyAsync(db.Keys, "0", at: Now.AddMinutes(1));
        await SubmitAsync(db.Jobs, older);

        var listed = await db.Keys.ListWithBalancesAsync(Token);

        listed.Select(k => k.Key).ShouldBe([(await db.Keys.GetAsync(newer, Token))!, (await db.Keys.GetAsync(older, Token))!]);
        listed.Select(k => k.Balance).ShouldBe([
            new Balance(Money.Zero, Money.Zero),
            new Balance(Money.Parse("0.60"), Money.Parse("0.40")),
        ]);
    }

    [Fact]
    public async Task Revoke_keeps_one_admin_when_two_nodes_revoke_the_last_two_admins_at_once()
    {
        await using var db = await NewDatabaseAsync();
        await using var other = db.AnotherNode();
        var first = await CreateKeyAsync(db.Keys, admin: true);
        var second = await CreateKeyAsync(db.Keys, admin: true);

        for (var round = 0; round < 5; round++)
        {
            var outcomes = await Task.WhenAll(
                Task.Run(() => db.Keys.RevokeAsync(first, Now, Token), Token),
                Task.Run(() => new Storage.Sql.SqlKeyStore(other.Dialect).RevokeAsync(second, Now, Token), Token));

            outcomes.Count(o => o == RevokeOutcome.Revoked).ShouldBe(1);
            outcomes.Count(o => o == RevokeOutcome.LastAdmin).ShouldBe(1);
            (await db.Keys.AnyAdminAsync(Token)).ShouldBeTrue();
            var revoked = outcomes[0] == RevokeOutcome.Revoked ? first : second;
            var kept = revoked == first ? second : first;
            first = kept;
            second = await CreateKeyAsync(db.Keys, admin: true);
        }
    }

    [Fact]
    public async Task SetLimits_replaces_every_limit_and_null_clears_when_the_key_exists()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, limits: new KeyLimits(Money.Parse("5.00"), 3, 60, 1_000_000));
        (await db.Keys.GetAsync(key, Token))!.Limits.ShouldBe(new KeyLimits(Money.Parse("5.00"), 3, 60, 1_000_000));

        (await db.Keys.SetLimitsAsync(key, new KeyLimits(null, 30, null, 5_000_000_000), Token)).ShouldBeTrue();

        (await db.Keys.GetAsync(key, Token))!.Limits.ShouldBe(new KeyLimits(null, 30, null, 5_000_000_000));
        (await db.Keys.SetLimitsAsync(Ids.New(Ids.KeyPrefix, Now), KeyLimits.None, Token)).ShouldBeFalse();
    }

    [Fact]
    public async Task AddCredits_returns_the_new_balance_with_a_row_when_the_key_exists()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "1.00");
        await SubmitAsync(db.Jobs, key);

        var balance = await db.Keys.AddCreditsAsync(key, Money.Parse("2.50"), Now, Token);

        balance.ShouldBe(new Balance(Money.Parse("3.10"), Money.Parse("0.40")));
        var row = (await LedgerAsync(db.Keys, key))[0];
        (row.Kind, row.Amount, row.AvailableAfter).ShouldBe((LedgerKind.Credit, Money.Parse("2.50"), Money.Parse("3.10")));
        (await db.Keys.AddCreditsAsync(Ids.New(Ids.KeyPrefix, Now), Money.Parse("1.00"), Now, Token)).ShouldBeNull();
    }

    [Fact]
    public async Task Ledger_pages_newest_first_when_following_the_cursor()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "0");
        for (var i = 1; i <= 5; i++)
        {
            await db.Keys.AddCreditsAsync(key, new Money(i * Money.MicrosPerDollar), Now.AddSeconds(i), Token);
        }

        var first = (await db.Keys.ListLedgerAsync(key, 2, null, Token))!;
        var second = (await db.Keys.ListLedgerAsync(key, 2, first.NextCursor, Token))!;
        var third = (await db.Keys.ListLedgerAsync(key, 2, second.NextCursor, Token))!;

        first.Items.Select(r => r.Amount.Micros / Money.MicrosPerDollar).ShouldBe([5L, 4L]);
        second.Items.Select(r => r.Amount.Micros / Money.MicrosPerDollar).ShouldBe([3L, 2L]);
        third.Items.Select(r => r.Amount.Micros / Money.MicrosPerDollar).ShouldBe([1L]);
        (first.HasMore, second.HasMore, third.HasMore, third.NextCursor).ShouldBe((true, true, false, (string?)null));
    }

    [Fact]
    public async Task Ledger_gives_null_when_the_cursor_is_another_keys_row()
    {
        await using var db = await NewDatabaseAsync();
        var mine = await CreateKeyAsync(db.Keys, "1.00");
        var theirs = await CreateKeyAsync(db.Keys, "1.00");
        var theirRow = (await LedgerAsync(db.Keys, theirs))[0];

        (await db.Keys.ListLedgerAsync(mine, 10, theirRow.Id, Token)).ShouldBeNull();
    }

    [Fact]
    public async Task AddCredits_loses_no_update_when_many_top_ups_race()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "0");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => db.Keys.AddCreditsAsync(key, Money.Parse("0.25"), Now, Token), Token)));

        (await db.Keys.GetBalanceAsync(key, Token))!.Available.ShouldBe(Money.Parse("5.00"));
        var rows = await LedgerAsync(db.Keys, key);
        rows.Count.ShouldBe(20);
        rows.Select(r => r.AvailableAfter.Micros).Distinct().Count().ShouldBe(20);
    }

    public sealed class OnSqlite : KeyStoreTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : KeyStoreTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();
    }
}
