using Reelgate.Core.Jobs;
using Reelgate.Core.Uploads;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Tests.Keys;

/// <summary>A key's cap on the bytes of its stored uploads, checked and stored in one step.</summary>
public abstract class UploadQuotaTests : StoreContract
{
    [Fact]
    public async Task CreateWithinQuota_refuses_the_upload_that_would_pass_the_cap_when_others_are_stored()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys);
        var other = await CreateKeyAsync(db.Keys);
        (await db.Uploads.CreateWithinQuotaAsync(NewUpload(other, 900), 1000, Token)).ShouldBeOfType<UploadQuotaOutcome.Stored>();
        (await db.Uploads.CreateWithinQuotaAsync(NewUpload(key, 600, Now), 1000, Token)).ShouldBeOfType<UploadQuotaOutcome.Stored>();
        (await db.Uploads.CreateWithinQuotaAsync(NewUpload(key, 400), 1000, Token)).ShouldBeOfType<UploadQuotaOutcome.Stored>();

        var refused = NewUpload(key, 1);
        (await db.Uploads.CreateWithinQuotaAsync(refused, 1000, Token)).ShouldBe(new UploadQuotaOutcome.OverQuota(1000, 1000, Now));

        (await db.Uploads.GetAsync(refused.Id, key, Token)).ShouldBeNull();
        (await db.Uploads.GetUsageAsync(key, Token)).ShouldBe(new UploadUsage(1000, Now));
        (await db.Uploads.CreateWithinQuotaAsync(NewUpload(key, 5000), null, Token)).ShouldBeOfType<UploadQuotaOutcome.Stored>();
    }

    [Fact]
    public async Task CreateWithinQuota_never_passes_the_cap_when_two_nodes_upload_at_once()
    {
        await using var db = await NewDatabaseAsync();
        await using var node = db.AnotherNode();
        var otherUploads = new SqlUploadStore(node.Dialect);
        var key = await CreateKeyAsync(db.Keys);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(
            () => (i % 2 == 0 ? db.Uploads : otherUploads).CreateWithinQuotaAsync(NewUpload(key, 300), 1000, Token), Token)));

        outcomes.OfType<UploadQuotaOutcome.Stored>().Count().ShouldBe(3);
        (await db.Uploads.GetUsageAsync(key, Token)).UsedBytes.ShouldBe(900);
    }

    private static Upload NewUpload(string keyId, long bytes, DateTimeOffset? at = null) =>
        new(
            Ids.New(Ids.UploadPrefix, at ?? Now.AddMinutes(1)),
            keyId,
            "uploads/x.png",
            "image/png",
            300,
            300,
            bytes,
            300,
            300,
            at ?? Now.AddMinutes(1));

    public sealed class OnSqlite : UploadQuotaTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : UploadQuotaTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();
    }
}
