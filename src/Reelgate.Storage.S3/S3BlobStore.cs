using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;

namespace Reelgate.Storage.S3;

/// <summary>
/// Blobs in an S3-compatible bucket, so every node reads what any node wrote. Objects are written whole
/// with one PUT (never visible half-written), without aws-chunked framing (some S3-compatible servers store
/// the framing as the object). Reads are ranged GETs through a seekable stream; downloads of outputs go
/// straight to the bucket through presigned URLs when <see cref="S3Options.PresignDownloads"/> is on.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    /// <summary>The longest a SigV4 presigned URL may live.</summary>
    public static readonly TimeSpan MaxPresignedLifetime = TimeSpan.FromDays(7);

    /// <summary>How much shorter than <see cref="MaxPresignedLifetime"/> a presigned URL is at most made.</summary>
    public static readonly TimeSpan PresignMargin = TimeSpan.FromMinutes(1);

    private readonly S3Options _options;
    private readonly TimeProvider _time;
    private readonly AmazonS3Client _client;
    private readonly AmazonS3Client? _publicClient;
    private readonly Protocol _publicProtocol;

    public S3BlobStore(IOptions<S3Options> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        Bucket = _options.Bucket
            ?? throw new OptionsValidationException(S3Options.Section, typeof(S3Options), ["Reelgate:S3:Bucket must name the bucket"]);
        _client = CreateClient(_options, _options.ServiceUrl);
        if (!string.IsNullOrWhiteSpace(_options.PublicUrl))
        {
            _publicClient = CreateClient(_options, _options.PublicUrl);
        }

        var publicEndpoint = _options.PublicUrl ?? _options.ServiceUrl;
        _publicProtocol = publicEndpoint is not null && publicEndpoint.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? Protocol.HTTP
            : Protocol.HTTPS;
    }

    public string Bucket { get; }

    /// <summary>Keys per listing page when deleting a prefix (S3's maximum; tests lower it to cross pages).</summary>
    internal int ListPageSize { get; init; } = 1000;

    public async Task PutFileAsync(string key, string localPath, string contentType, CancellationToken cancellationToken)
    {
        var request = PutRequest(key, contentType);
        request.FilePath = localPath;
        await _client.PutObjectAsync(request, cancellationToken);
        File.Delete(localPath);
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            var request = PutRequest(key, contentType);
            request.InputStream = content;
            request.AutoCloseStream = false;
            await _client.PutObjectAsync(request, cancellationToken);
            return;
        }

        // An unsigned-length stream: spool it to a temporary file so the PUT knows its length and hash.
        var spool = Path.Combine(Path.GetTempPath(), $"reelgate-s3-{Guid.NewGuid():N}.part");
        try
        {
            await using (var file = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            await PutFileAsync(key, spool, contentType, cancellationToken);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    /// <summary>One PUT of a whole object, without aws-chunked framing (see the class summary).</summary>
    private PutObjectRequest PutRequest(string key, string contentType) => new()
    {
        BucketName = Bucket,
        Key = ObjectKey(key),
        ContentType = contentType,
        UseChunkEncoding = false,
    };

    public async Task<BlobContent?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        var metadata = await HeadAsync(objectKey, cancellationToken);
        if (metadata is null)
        {
            return null;
        }

        var contentType = string.IsNullOrEmpty(metadata.Headers.ContentType) ? BlobContentTypes.Of(key) : metadata.Headers.ContentType;
        var lastModified = metadata.LastModified is { } modified
            ? new DateTimeOffset(DateTime.SpecifyKind(modified.ToUniversalTime(), DateTimeKind.Utc))
            : _time.GetUtcNow();
#pragma warning disable IDISP001 // the stream is handed to the caller inside BlobContent
        var stream = new S3ObjectStream(_client, Bucket, objectKey, metadata.ContentLength);
#pragma warning restore IDISP001
        return new BlobContent(stream, metadata.ContentLength, contentType, lastModified);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        await HeadAsync(ObjectKey(key), cancellationToken) is not null;

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = ObjectKey(key) }, cancellationToken);

    public async Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var objectPrefix = ObjectKey(prefix.TrimEnd('/')) + "/";
        string? continuation = null;
        do
        {
            var page = await _client.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = Bucket,
                Prefix = objectPrefix,
                ContinuationToken = continuation,
                MaxKeys = ListPageSize,
            }, cancellationToken);
            var keys = (page.S3Objects ?? []).Select(o => o.Key).ToList();
            foreach (var key in keys)
            {
                // One DELETE per object: multi-object delete needs Content-MD5, which not every S3-compatible server accepts.
                await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = key }, cancellationToken);
            }

            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    public Uri? DirectDownloadUrl(string key, string contentType, DateTimeOffset expiresAt)
    {
        var now = _time.GetUtcNow();
        if (!_options.PresignDownloads || expiresAt - now > MaxPresignedLifetime)
        {
            return null;
        }

        // Keep a little under the SigV4 limit: the SDK measures the lifetime from its own clock, corrected
        // by the skew it saw in S3's Date headers, and past the limit it would sign with SigV2 instead.
        var latest = now + MaxPresignedLifetime - PresignMargin;
        var expires = expiresAt < latest ? expiresAt : latest;

        var url = (_publicClient ?? _client).GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = ObjectKey(key),
            Verb = HttpVerb.GET,
            Expires = expires.UtcDateTime,
            Protocol = _publicProtocol,
            ResponseHeaderOverrides = new ResponseHeaderOverrides { ContentType = contentType },
        });
        return new Uri(url);
    }

    /// <summary>Null when the bucket answers; else one line saying what is wrong. Creates the bucket when configured to.</summary>
    public async Task<string?> CheckBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, MaxKeys = 1 }, cancellationToken);
            return null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && _options.CreateBucket)
        {
            return await CreateBucketAsync(cancellationToken);
        }
        catch (AmazonServiceException e)
        {
            return $"the S3 bucket '{Bucket}' at {_options.ServiceUrl ?? "AWS " + _options.Region} cannot be used " +
                $"({(int)e.StatusCode} {e.ErrorCode}: {e.Message}); " +
                "check REELGATE_S3_BUCKET, REELGATE_S3_URL and the credentials" +
                (e.StatusCode == HttpStatusCode.NotFound ? ", or set Reelgate:S3:CreateBucket=true" : "");
        }
        catch (Exception e) when (e is HttpRequestException or AmazonClientException or IOException)
        {
            return $"cannot reach S3 at {_options.ServiceUrl ?? "AWS " + _options.Region} ({e.Message}); " +
                "check REELGATE_S3_URL (Reelgate:S3:ServiceUrl)";
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _publicClient?.Dispose();
    }

    private async Task<string?> CreateBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket }, cancellationToken);
            return null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // Another node of the deployment created it at the same moment (BucketAlreadyExists / AlreadyOwnedByYou).
            return null;
        }
        catch (AmazonServiceException e)
        {
            return $"cannot create the S3 bucket '{Bucket}' ({(int)e.StatusCode} {e.ErrorCode}: {e.Message}); " +
                "create it yourself or check REELGATE_S3_BUCKET and the credentials";
        }
    }

    private async Task<GetObjectMetadataResponse?> HeadAsync(string objectKey, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetObjectMetadataAsync(
                new GetObjectMetadataRequest { BucketName = Bucket, Key = objectKey }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Maps a blob key to the object key under the prefix, refusing keys a disk store would refuse too.</summary>
    private string ObjectKey(string key)
    {
        if (key.Length == 0 || key.Contains('\\', StringComparison.Ordinal) || key.Contains("..", StringComparison.Ordinal)
            || key.StartsWith('/') || key.Any(char.IsControl))
        {
            throw new ArgumentException($"'{key}' is not a valid blob key", nameof(key));
        }

        return _options.Prefix + key;
    }

    private static AmazonS3Client CreateClient(S3Options options, string? serviceUrl)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // Checksums only where S3 requires them: S3-compatible servers differ in the newer trailing ones.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = serviceUrl;
        }

        return string.IsNullOrEmpty(options.AccessKey) && string.IsNullOrEmpty(options.SecretKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
