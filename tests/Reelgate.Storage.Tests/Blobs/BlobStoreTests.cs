using System.IO.Pipelines;
using System.Security.Cryptography;
using Reelgate.Testing;

namespace Reelgate.Storage.Tests.Blobs;

/// <summary>The blob contract, written once and run on a folder and on an S3 bucket.</summary>
public abstract class BlobStoreTests
{
    protected abstract Task<TestBlobStore> NewStoreAsync();

    [Fact]
    public async Task Open_returns_the_bytes_length_and_type_when_the_blob_was_put()
    {
        using var blobs = await NewStoreAsync();
        var bytes = RandomNumberGenerator.GetBytes(10_000);

        await blobs.Store.PutAsync("outputs/job_a/1/video.mp4", new MemoryStream(bytes), "video/mp4", Token);

        await using var blob = (await blobs.Store.OpenReadAsync("outputs/job_a/1/video.mp4", Token))!;
        (blob.Length, blob.ContentType).ShouldBe((10_000L, "video/mp4"));
        blob.Stream.CanSeek.ShouldBeTrue();
        (await ReadAllAsync(blob.Stream)).ShouldBe(bytes);
        (await blobs.Store.ExistsAsync("outputs/job_a/1/video.mp4", Token)).ShouldBeTrue();
    }

    [Fact]
    public async Task Open_returns_null_when_there_is_no_such_blob()
    {
        using var blobs = await NewStoreAsync();

        (await blobs.Store.OpenReadAsync("outputs/none/video.mp4", Token)).ShouldBeNull();
        (await blobs.Store.ExistsAsync("outputs/none/video.mp4", Token)).ShouldBeFalse();
    }

    [Fact]
    public async Task PutFile_stores_the_file_and_removes_the_local_copy_when_done()
    {
        using var blobs = await NewStoreAsync();
        using var work = new TempDirectory("work");
        var bytes = RandomNumberGenerator.GetBytes(5 * 1024 * 1024 + 17);
        var local = work.File("poster.jpg");
        await File.WriteAllBytesAsync(local, bytes, Token);

        await blobs.Store.PutFileAsync("outputs/job_b/1/poster.jpg", local, "image/jpeg", Token);

        File.Exists(local).ShouldBeFalse();
        await using var blob = (await blobs.Store.OpenReadAsync("outputs/job_b/1/poster.jpg", Token))!;
        (blob.Length, blob.ContentType).ShouldBe((bytes.LongLength, "image/jpeg"));
        SHA256.HashData(await ReadAllAsync(blob.Stream)).ShouldBe(SHA256.HashData(bytes));
    }

    [Fact]
    public async Task Put_replaces_the_blob_when_the_key_exists()
    {
        using var blobs = await NewStoreAsync();
        await blobs.Store.PutAsync("uploads/k/x.png", new MemoryStream([1, 2, 3]), "image/png", Token);

        await blobs.Store.PutAsync("uploads/k/x.png", new MemoryStream([9, 8]), "image/png", Token);

        await using var blob = (await blobs.Store.OpenReadAsync("uploads/k/x.png", Token))!;
        (await ReadAllAsync(blob.Stream)).ShouldBe([9, 8]);
    }

    [Fact]
    public async Task Put_stores_every_byte_when_the_stream_cannot_seek()
    {
        using var blobs = await NewStoreAsync();
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var pipe = new Pipe();
        var writer = Task.Run(async () =>
        {
            await pipe.Writer.WriteAsync(bytes, Token);
            await pipe.Writer.CompleteAsync();
        }, Token);

        await using (var unseekable = pipe.Reader.AsStream())
        {
            unseekable.CanSeek.ShouldBeFalse();
            await blobs.Store.PutAsync("inputs/job_c/image.webp", unseekable, "image/webp", Token);
        }

        await writer;
        await using var blob = (await blobs.Store.OpenReadAsync("inputs/job_c/image.webp", Token))!;
        (await ReadAllAsync(blob.Stream)).ShouldBe(bytes);
    }

    [Fact]
    public async Task Read_returns_the_requested_slice_when_the_stream_is_seeked_as_a_range_request_does()
    {
        using var blobs = await NewStoreAsync();
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        await blobs.Store.PutAsync("outputs/job_d/1/video.mp4", new MemoryStream(bytes), "video/mp4", Token);
        await using var blob = (await blobs.Store.OpenReadAsync("outputs/job_d/1/video.mp4", Token))!;

        blob.Stream.Seek(150_000, SeekOrigin.Begin);
        var slice = await ReadExactlyAsync(blob.Stream, 1000);
        blob.Stream.Position = 10;
        var early = await ReadExactlyAsync(blob.Stream, 10);
        blob.Stream.Seek(-5, SeekOrigin.End);
        var tail = await ReadAllAsync(blob.Stream);

        slice.ShouldBe(bytes[150_000..151_000]);
        early.ShouldBe(bytes[10..20]);
        tail.ShouldBe(bytes[^5..]);
        (await blob.Stream.ReadAsync(new byte[1], Token)).ShouldBe(0);
    }

    [Fact]
    public async Task Delete_removes_the_blob_and_ignores_a_missing_one()
    {
        using var blobs = await NewStoreAsync();
        await blobs.Store.PutAsync("uploads/k/a.jpg", new MemoryStream([1]), "image/jpeg", Token);

        await blobs.Store.DeleteAsync("uploads/k/a.jpg", Token);
        await blobs.Store.DeleteAsync("uploads/k/never.jpg", Token);

        (await blobs.Store.ExistsAsync("uploads/k/a.jpg", Token)).ShouldBeFalse();
    }

    [Fact]
    public async Task DeletePrefix_removes_the_folder_only_when_a_sibling_shares_its_start()
    {
        using var blobs = await NewStoreAsync();
        foreach (var key in new[]
        {
            "outputs/job_1/1/video.mp4",
            "outputs/job_1/1/poster.jpg",
            "outputs/job_1/2/video.mp4",
            "outputs/job_10/1/video.mp4",
        })
        {
            await blobs.Store.PutAsync(key, new MemoryStream([7]), "video/mp4", Token);
        }

        await blobs.Store.DeletePrefixAsync("outputs/job_1/", Token);
        await blobs.Store.DeletePrefixAsync("outputs/job_missing/", Token);

        (await blobs.Store.ExistsAsync("outputs/job_1/1/video.mp4", Token)).ShouldBeFalse();
        (await blobs.Store.ExistsAsync("outputs/job_1/1/poster.jpg", Token)).ShouldBeFalse();
        (await blobs.Store.ExistsAsync("outputs/job_1/2/video.mp4", Token)).ShouldBeFalse();
        (await blobs.Store.ExistsAsync("outputs/job_10/1/video.mp4", Token)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape.mp4")]
    [InlineData("outputs/../../escape.mp4")]
    [InlineData("/absolute.mp4")]
    [InlineData("outputs\\windows.mp4")]
    public async Task Open_refuses_the_key_when_it_could_leave_the_store(string key)
    {
        using var blobs = await NewStoreAsync();

        await Should.ThrowAsync<ArgumentException>(() => blobs.Store.OpenReadAsync(key, Token));
        await Should.ThrowAsync<ArgumentException>(() => blobs.Store.PutAsync(key, new MemoryStream([1]), "video/mp4", Token));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Token);
        return copy.ToArray();
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, Token);
        return buffer;
    }

    public sealed class OnDisk : BlobStoreTests
    {
        protected override Task<TestBlobStore> NewStoreAsync() => Task.FromResult(TestBlobStore.Disk());

        [Fact]
        public async Task DirectDownloadUrl_is_null_when_blobs_are_on_disk()
        {
            using var blobs = await NewStoreAsync();

            blobs.Store.DirectDownloadUrl("outputs/job_a/1/video.mp4", "video/mp4", Now.AddDays(1)).ShouldBeNull();
        }
    }

    public sealed class OnS3 : BlobStoreTests
    {
        protected override Task<TestBlobStore> NewStoreAsync() => TestBlobStore.S3Async();
    }
}
