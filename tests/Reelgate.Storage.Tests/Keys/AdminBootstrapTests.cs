using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Keys;
using Reelgate.Core.Pricing;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Tests.Keys;

/// <summary>The bootstrap admin key: one per database, credited once, replaced (not doubled) when the configured key changes.</summary>
public abstract class AdminBootstrapTests : StoreContract
{
    private static readonly Money Credit = Money.Parse("1000.00");

    [Fact]
    public async Task Bootstrap_creates_one_credited_admin_when_two_nodes_start_together_without_a_configured_key()
    {
        await using var db = await NewDatabaseAsync();
        await using var other = db.AnotherNode();
        var otherKeys = new SqlKeyStore(other.Dialect);

        var outcomes = await Task.WhenAll(
            Task.Run(() => db.Keys.BootstrapAdminAsync(Bootstrap(KeySecrets.NewKey(), configured: false), Token), Token),
            Task.Run(() => otherKeys.BootstrapAdminAsync(Bootstrap(KeySecrets.NewKey(), configured: false), Token), Token));

        outcomes.OfType<AdminBootstrapOutcome.Created>().ShouldHaveSingleItem().Credited.ShouldBeTrue();
        outcomes.OfType<AdminBootstrapOutcome.Unchanged>().ShouldHaveSingleItem();
        var admin = (await db.Keys.ListAsync(Token)).ShouldHaveSingleItem();
        admin.IsAdmin.ShouldBeTrue();
        (await db.Keys.GetBalanceAsync(admin.Id, Token)).ShouldBe(new Balance(Credit, Money.Zero));
    }

    [Fact]
    public async Task Bootstrap_stores_the_configured_key_once_when_two_nodes_start_together_with_it()
    {
        await using var db = await NewDatabaseAsync();
        await using var other = db.AnotherNode();
        var otherKeys = new SqlKeyStore(other.Dialect);
        var secret = KeySecrets.NewKey();

        var outcomes = await Task.WhenAll(
            Task.Run(() => db.Keys.BootstrapAdminAsync(Bootstrap(secret, configured: true), Token), Token),
            Task.Run(() => otherKeys.BootstrapAdminAsync(Bootstrap(secret, configured: true), Token), Token));

        outcomes.OfType<AdminBootstrapOutcome.Created>().ShouldHaveSingleItem();
        outcomes.OfType<AdminBootstrapOutcome.Unchanged>().ShouldHaveSingleItem();
        var admin = (await db.Keys.ListAsync(Token)).ShouldHaveSingleItem();
        (await db.Keys.FindByHashAsync(KeySecrets.Hash(secret), Token))!.Id.ShouldBe(admin.Id);
        (await LedgerAsync(db.Keys, admin.Id)).ShouldHaveSingleItem().Amount.ShouldBe(Credit);
    }

    [Fact]
    public async Task Bootstrap_revokes_the_previous_key_without_a_second_credit_when_the_configured_key_changes()
    {
        await using var db = await NewDatabaseAsync();
        var first = KeySecrets.NewKey();
        var second = KeySecrets.NewKey();
        (await db.Keys.BootstrapAdminAsync(Bootstrap(first, configured: false), Token)).ShouldBe(new AdminBootstrapOutcome.Created(true));
        var firstId = (await db.Keys.FindByHashAsync(KeySecrets.Hash(first), Token))!.Id;

        var replaced = await db.Keys.BootstrapAdminAsync(Bootstrap(second, configured: true), Token);

        replaced.ShouldBe(new AdminBootstrapOutcome.Replaced(firstId));
        (await db.Keys.FindByHashAsync(KeySecrets.Hash(first), Token))!.RevokedAt.ShouldNotBeNull();
        var current = (await db.Keys.FindByHashAsync(KeySecrets.Hash(second), Token))!;
        (current.IsAdmin, current.IsActive).ShouldBe((true, true));
        (await db.Keys.GetBalanceAsync(current.Id, Token)).ShouldBe(new Balance(Money.Zero, Money.Zero));
        (await db.Keys.BootstrapAdminAsync(Bootstrap(second, configured: true), Token)).ShouldBe(new AdminBootstrapOutcome.Unchanged());
        (await db.Keys.BootstrapAdminAsync(Bootstrap(KeySecrets.NewKey(), configured: false), Token)).ShouldBe(
            new AdminBootstrapOutcome.Unchanged());
        (await db.Keys.ListAsync(Token)).Count(k => k.IsActive).ShouldBe(1);
    }

    [Fact]
    public async Task Bootstrap_grants_no_credit_when_the_database_already_had_an_admin()
    {
        await using var db = await NewDatabaseAsync();
        await CreateKeyAsync(db.Keys, "0", admin: true);
        var configured = KeySecrets.NewKey();

        (await db.Keys.BootstrapAdminAsync(Bootstrap(KeySecrets.NewKey(), configured: false), Token)).ShouldBe(
            new AdminBootstrapOutcome.Unchanged());
        (await db.Keys.BootstrapAdminAsync(Bootstrap(configured, configured: true), Token)).ShouldBe(
            new AdminBootstrapOutcome.Created(false));

        var stored = (await db.Keys.FindByHashAsync(KeySecrets.Hash(configured), Token))!;
        (await db.Keys.GetBalanceAsync(stored.Id, Token))!.Available.ShouldBe(Money.Zero);
    }

    private static AdminBootstrap Bootstrap(string secret, bool configured)
    {
        var key = new ApiKey(Ids.New(Ids.KeyPrefix, Now), "admin", KeySecrets.DisplayPrefix(secret), null, true, Now, null, KeyLimits.None);
        return new AdminBootstrap(new NewApiKey(key, KeySecrets.Hash(secret), Credit), configured, Credit, Now);
    }

    public sealed class OnSqlite : AdminBootstrapTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : AdminBootstrapTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();
    }
}
