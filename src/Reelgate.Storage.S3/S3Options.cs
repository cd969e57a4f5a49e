using System.ComponentModel.DataAnnotations;

namespace Reelgate.Storage.S3;

/// <summary>
/// The S3-compatible bucket that holds outputs, inputs and uploads, section "Reelgate:S3". The store is used
/// when <see cref="Bucket"/> is set; otherwise blobs stay on disk in the data folder.
/// </summary>
public sealed class S3Options
{
    public const string Section = "Reelgate:S3";

    /// <summary>The endpoint, e.g. http://minio:9000; empty means AWS S3 in <see cref="Region"/>.</summary>
    [Url(ErrorMessage = "Reelgate:S3:ServiceUrl (REELGATE_S3_URL) must be an absolute http(s) URL such as http://127.0.0.1:9000")]
    public string? ServiceUrl { get; set; }

    [Required(ErrorMessage = "Reelgate:S3:Bucket (REELGATE_S3_BUCKET) must name the bucket")]
    [RegularExpression("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
        ErrorMessage = "Reelgate:S3:Bucket (REELGATE_S3_BUCKET) must be a valid bucket name: " +
                       "3 to 63 lower-case letters, digits, dots and hyphens")]
    public string? Bucket { get; set; }

    /// <summary>Static credentials; when both are empty the SDK's usual chain is used (AWS_* variables, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>The signing region; S3-compatible servers usually accept us-east-1.</summary>
    [Required(ErrorMessage = "Reelgate:S3:Region (REELGATE_S3_REGION) must not be empty")]
    public string Region { get; set; } = "us-east-1";

    /// <summary>Path-style addressing (http://host/bucket/key), which MinIO, Garage, SeaweedFS and s3rver need;
    /// set false for AWS virtual hosts.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>A folder inside the bucket for every key, e.g. "reelgate/"; empty for the bucket's root.</summary>
    [RegularExpression("^([A-Za-z0-9._-]+/)*$",
        ErrorMessage = "Reelgate:S3:Prefix must be empty or folder names each ending in '/', e.g. reelgate/")]
    public string Prefix { get; set; } = "";

    /// <summary>
    /// Output URLs are presigned S3 GET URLs that expire at the job's expires_at (at most 7 days ahead, the
    /// SigV4 limit; a longer retention falls back to the API's own signed /files URLs). False: always the
    /// API's /files URLs, which answer 410 once expired, streamed from the bucket with Range.
    /// </summary>
    public bool PresignDownloads { get; set; } = true;

    /// <summary>The endpoint clients reach the bucket at, when it differs from <see cref="ServiceUrl"/>
    /// (presigned URLs are signed for it).</summary>
    [Url(ErrorMessage = "Reelgate:S3:PublicUrl must be an absolute http(s) URL")]
    public string? PublicUrl { get; set; }

    /// <summary>Creates the bucket at start when it does not exist (handy for development servers).</summary>
    public bool CreateBucket { get; set; }
}
