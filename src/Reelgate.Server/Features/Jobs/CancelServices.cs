using Reelgate.Core.Ports;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Features.Jobs;

/// <summary>What cancelling a job uses: the store, the running jobs' tokens, the mapper and the clock.</summary>
public sealed record CancelServices(
    IJobStore Jobs, JobCancellations Running, JobResponseMapper Mapper, TimeProvider Time);
