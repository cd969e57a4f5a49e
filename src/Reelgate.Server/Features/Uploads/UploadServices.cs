using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Imaging.Normalizing;
using Reelgate.Server.Configuration;
using Reelgate.Server.Features.Files;

namespace Reelgate.Server.Features.Uploads;

/// <summary>What an upload uses: the normaliser, the blob and quota stores, the URL maker, the settings and the clock.</summary>
public sealed record UploadServices(
    ImageNormalizer Normalizer,
    IBlobStore Blobs,
    IUploadQuotaStore Quotas,
    OutputUrls Urls,
    IOptions<ReelgateOptions> Options,
    TimeProvider Time);
