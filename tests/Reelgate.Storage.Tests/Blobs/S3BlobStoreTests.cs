using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Reelgate.Storage.S3;
using Reelgate.Testing;

namespace Reelgate.Storage.Tests.Blobs;

/// <summary>What only the S3 store does: presigned downloads with an expiry, and the start-up bucket check.</summary>
public sealed class S3BlobStoreTests
{
    [Fact]
    public async Task DirectDownloadUrl_serves_the_object_and_ranges_without_credentials_when_presigned()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()));
        using var blobs = await TestBlobStore.S3Async(time: time);
        var bytes = RandomNumberGenerator.GetBytes(50_000);
        await blobs.Store.PutAsync("outputs/job_p/1/video.mp4", new MemoryStream(bytes), "video/mp4", Token);

        var url = blobs.Store.DirectDownloadUrl("outputs/job_p/1/video.mp4", "video/mp4", time.GetUtcNow().AddHours(1))!;

        url.Scheme.ShouldBe("http");
        url.Query.ShouldContain("X-Amz-Signature=");
        using var http = new HttpClient();
        (await http.GetByteArrayAsync(url, Token)).ShouldBe(bytes);
        using var range = new HttpRequestMessage(HttpMethod.Get, url);
        range.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var partial = await http.SendAsync(range, Token);
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await partial.Content.ReadAsByteArrayAsync(Token)).ShouldBe(bytes[1000..2000]);
        var tampered = new Uri(url.ToString().Replace("video.mp4", "poster.jpg", StringComparison.Ordinal));
        using var refused = await http.GetAsync(tampered, Token);
        refused.IsSuccessStatusCode.ShouldBeFalse();
    }

    [Fact]
    public async Task DirectDownloadUrl_is_null_or_sigv4_when_the_expiry_nears_the_presigning_limit_or_presigning_is_off()
    {
        var now = TimeProvider.System.GetUtcNow();
        var time = new FakeTimeProvider(now);
        using var presigning = await TestBlobStore.S3Async(time: time);
        using var served = await TestBlobStore.S3Async(o => o.PresignDownloads = false, time);

        var longest = presigning.Store.DirectDownloadUrl("outputs/x/1/video.mp4", "video/mp4", now + S3BlobStore.MaxPresignedLifetime)!;
        presigning.Store.DirectDownloadUrl(
            "outputs/x/1/video.mp4",
            "video/mp4",
            now + S3BlobStore.MaxPresignedLifetime + TimeSpan.FromSeconds(1)).ShouldBeNull();
        served.Store.DirectDownloadUrl("outputs/x/1/video.mp4", "video/mp4", now.AddHours(1)).ShouldBeNull();

        // Signed with SigV4 (the SDK falls back to SigV2 past the 7-day limit), a little under the limit.
        longest.Query.ShouldContain("X-Amz-Signature=");
        var seconds = long.Parse(
            System.Web.HttpUtility.ParseQueryString(longest.Query)["X-Amz-Expires"]!,
            System.Globalization.CultureInfo.InvariantCulture);
        seconds.ShouldBeInRange(
            (long)(S3BlobStore.MaxPresignedLifetime - S3BlobStore.PresignMargin).TotalSeconds - 60,
            (long)S3BlobStore.MaxPresignedLifetime.TotalSeconds);
    }

    [Fact]
    public async Task DirectDownloadUrl_points_at_the_public_endpoint_when_one_is_configured()
    {
        using var blobs = await TestBlobStore.S3Async(o => o.PublicUrl = "https://media.example.com");

        var url = blobs.Store.DirectDownloadUrl("outputs/x/1/video.mp4", "video/mp4", Now.AddHours(1))!;

        url.GetLeftPart(UriPartial.Authority).ShouldBe("https://media.example.com");
        url.AbsolutePath.ShouldEndWith("/outputs/x/1/video.mp4");
    }

    [Fact]
    public async Task CheckBucket_names_the_bucket_when_it_does_not_exist_and_creation_is_off()
    {
        var options = TestBlobStore.S3Settings(TestServices.NewBucketName());
        using var store = new S3BlobStore(Options.Create(options), new FakeTimeProvider(Now));

        var problem = await store.CheckBucketAsync(Token);

        problem.ShouldNotBeNull();
        problem.ShouldContain(options.Bucket!);
        problem.ShouldContain("REELGATE_S3_BUCKET");
    }

    [Fact]
    public async Task CheckBucket_says_S3_is_unreachable_when_nothing_listens_at_the_url()
    {
        var options = TestBlobStore.S3Settings(TestServices.NewBucketName());
        options.ServiceUrl = "http://127.0.0.1:9";
        using var store = new S3BlobStore(Options.Create(options), new FakeTimeProvider(Now));

        var problem = await store.CheckBucketAsync(Token);

        problem.ShouldNotBeNull();
        problem.ShouldContain("http://127.0.0.1:9");
    }

    [Fact]
    public async Task DeletePrefix_removes_every_page_when_the_listing_is_truncated()
    {
        using var created = await TestBlobStore.S3Async();
        var options = TestBlobStore.S3Settings(((S3BlobStore)created.Store).Bucket);
        using var store = new S3BlobStore(Options.Create(options), new FakeTimeProvider(Now)) { ListPageSize = 2 };
        for (var i = 0; i < 7; i++)
        {
            await store.PutAsync($"outputs/job_many/{i}/video.mp4", new MemoryStream([1]), "video/mp4", Token);
        }

        await store.PutAsync("outputs/job_other/1/video.mp4", new MemoryStream([1]), "video/mp4", Token);

        await store.DeletePrefixAsync("outputs/job_many/", Token);

        for (var i = 0; i < 7; i++)
        {
            (await store.ExistsAsync($"outputs/job_many/{i}/video.mp4", Token)).ShouldBeFalse();
        }

        (await store.ExistsAsync("outputs/job_other/1/video.mp4", Token)).ShouldBeTrue();
        (await store.CheckBucketAsync(Token)).ShouldBeNull();
    }

    [Fact]
    public async Task Keys_live_under_the_prefix_when_one_is_configured()
    {
        var bucket = TestServices.NewBucketName();
        using var prefixed = await TestBlobStore.S3Async(o =>
        {
            o.Bucket = bucket;
            o.Prefix = "tenant-a/";
        });
        var root = TestBlobStore.S3Settings(bucket);
        using var rootStore = new S3BlobStore(Options.Create(root), new FakeTimeProvider(Now));

        await prefixed.Store.PutAsync("outputs/j/1/video.mp4", new MemoryStream([1, 2, 3]), "video/mp4", Token);

        (await rootStore.ExistsAsync("tenant-a/outputs/j/1/video.mp4", Token)).ShouldBeTrue();
        (await rootStore.ExistsAsync("outputs/j/1/video.mp4", Token)).ShouldBeFalse();
    }
}
