using Reelgate.Core.Ports;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>What deleting a video's files uses, as one [AsParameters] record.</summary>
public sealed record VideoDeleteServices(
    IJobStore Jobs, IRetentionStore Retention, IBlobStore Blobs, JobChangeFeed Changes, TimeProvider Time);
