using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Features.Jobs;

/// <summary>What an event stream reads, waits on and counts.</summary>
public sealed record EventStreamServices(
    IJobStore Jobs,
    JobChangeFeed Changes,
    JobResponseMapper Mapper,
    EventStreamSlots Slots,
    IOptions<LimitsOptions> Limits,
    TimeProvider Time);
