using Reelgate.Core.Jobs;
using Reelgate.Core.Uploads;

namespace Reelgate.Storage.Tests.Keys;

/// <summary>Upload records (per key) and the server secrets every node shares.</summary>
public abstract class UploadAndSecretTests : StoreContract
{
    [Fact]
    public async Task Upload_is_found_by_its_key_and_hidden_from_others_when_stored()
    {
        await using var db = await NewDatabaseAsync();
        var owner = await CreateKeyAsync(db.Keys);
        var other = await CreateKeyAsync(db.Keys);
        var upload = new Upload(
            Ids.New(Ids.UploadPrefix, Now),
            owner,
            "uploads/x/image.jpg",
            "image/jpeg",
            1600,
            900,
            345678,
            6000,
            3375,
            Now);

        await db.Uploads.CreateAsync(upload, Token);

        (await db.Uploads.GetAsync(upload.Id, owner, Token)).ShouldBe(upload);
        (await db.Uploads.GetAsync(upload.Id, other, Token)).ShouldBeNull();
        (await db.Uploads.GetAsync(Ids.New(Ids.UploadPrefix, Now), owner, Token)).ShouldBeNull();
    }

    [Fact]
    public async Task Secret_keeps_the_first_value_when_asked_again()
    {
        await using var db = await NewDatabaseAsync();

        var first = await db.Secrets.GetOrCreateAsync("signing", () => "value-1", Token);
        var second = await db.Secrets.GetOrCreateAsync("signing", () => "value-2", Token);

        (first, second).ShouldBe(("value-1", "value-1"));
        (await db.Secrets.GetOrCreateAsync("other", () => "value-3", Token)).ShouldBe("value-3");
    }

    [Fact]
    public async Task Secret_is_the_same_for_everyone_when_nodes_race_to_create_it()
    {
        await using var db = await NewDatabaseAsync();

        var values = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => db.Secrets.GetOrCreateAsync("signing", () => $"value-{i}", Token), Token)));

        values.Distinct().ShouldHaveSingleItem();
    }

    public sealed class OnSqlite : UploadAndSecretTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : UploadAndSecretTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();
    }
}
