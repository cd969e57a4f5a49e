using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Reelgate.Core.Ports;
using Reelgate.Storage.Blobs;
using Reelgate.Storage.S3;
using Reelgate.Testing;

namespace Reelgate.Storage.Tests.Infrastructure;

/// <summary>
/// A blob store for one test: a temp folder, or a fresh bucket on the S3-compatible server named by
/// REELGATE_TEST_S3_URL (s3rver, started by scripts/test.sh). Without it the S3 tests are skipped, saying why.
/// </summary>
public sealed class TestBlobStore(IBlobStore store, Action dispose) : IDisposable
{
    public IBlobStore Store { get; } = store;

    public static TestBlobStore Disk()
    {
        var folder = new TempDirectory("blobs");
        return new TestBlobStore(new DiskBlobStore(folder.File("blobs")), folder.Dispose);
    }

    public static async Task<TestBlobStore> S3Async(Action<S3Options>? configure = null, TimeProvider? time = null)
    {
        var options = S3Settings(TestServices.NewBucketName());
        options.CreateBucket = true;
        configure?.Invoke(options);
        var store = new S3BlobStore(Options.Create(options), time ?? new FakeTimeProvider(StoreData.Now));
        try
        {
            (await store.CheckBucketAsync(StoreData.Token)).ShouldBeNull();
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return new TestBlobStore(store, store.Dispose);
    }

    /// <summary>Settings for the test server and the bucket given (the test is skipped when there is no server).</summary>
    public static S3Options S3Settings(string bucket)
    {
        var url = TestServices.S3Url;
        Assert.SkipWhen(url is null, TestServices.MissingReason(TestServices.S3UrlVariable));
        return new S3Options
        {
            ServiceUrl = url,
            Bucket = bucket,
            AccessKey = TestServices.S3AccessKey,
            SecretKey = TestServices.S3SecretKey,
            ForcePathStyle = true,
        };
    }

    public void Dispose() => dispose();
}
