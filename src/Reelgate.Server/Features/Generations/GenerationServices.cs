using Reelgate.Server.Features.Jobs;

namespace Reelgate.Server.Features.Generations;

/// <summary>What a submission uses: the planner (validate and price), the submission service, the mapper and the clock.</summary>
public sealed record GenerationServices(
    GenerationPlanner Planner, SubmissionService Submissions, JobResponseMapper Mapper, TimeProvider Time);
