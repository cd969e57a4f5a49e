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
    public const string S3UrlVariable = "REELGATE_TEST_S3_URL";

    public IBlobStore Store { get; } = store;

    public static TestBlobStore Disk()
    {
        var folder = new TempDirectory("blobs");
        return new TestBlobStore(new DiskBlobStore(folder.File("blobs")), folder.Dispose);
    }

    public static async Task<TestBlobStore> S3Async(Action<S3Options>? configure = null, TimeProvider? time = null)
    {
        var options = S3Settings(NewBucketName());
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
        var url = Environment.GetEnvironmentVariable(S3UrlVariable);
        Assert.SkipWhen(string.IsNullOrEmpty(url),
            $"{S3UrlVariable} is not set: the S3 half of the blob suite needs an S3-compatible server (scripts/test.sh starts s3rver; or run scripts/test-services.sh start)");
        return new S3Options
        {
            ServiceUrl = url,
            Bucket = bucket,
            AccessKey = Environment.GetEnvironmentVariable("REELGATE_TEST_S3_ACCESS_KEY") ?? "S3RVER",
            SecretKey = Environment.GetEnvironmentVariable("REELGATE_TEST_S3_SECRET_KEY") ?? "S3RVER",
            ForcePathStyle = true,
        };
    }

    public static string NewBucketName() => "reelgate-test-" + Guid.NewGuid().ToString("N")[..16];

    public void Dispose() => dispose();
}
