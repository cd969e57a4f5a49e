namespace Reelgate.Storage.Tests.Infrastructure;

/// <summary>
/// The base of every contract test class: the tests are written once against <see cref="TestDatabase"/>,
/// and each backend is a nested subclass that says where its databases come from.
/// </summary>
public abstract class StoreContract
{
    /// <summary>A fresh, migrated database for one test (skips the test when its backend is not available).</summary>
    protected abstract Task<TestDatabase> NewDatabaseAsync();

    protected static Task<TestDatabase> SqliteAsync() => Backends.SqliteAsync(StoreData.Token);

    protected static Task<TestDatabase> PostgresAsync() => Backends.PostgresAsync(StoreData.Token);
}
