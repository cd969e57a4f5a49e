using Reelgate.Core.Ports;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>What deleting a video's files uses, as one [AsParameters] record.</summary>
public sealed record VideoDeleteServices(
    IJobStore Jobs, IRetentionStore Retention, IBlobStore Blobs, TimeProvider Time);
