using Reelgate.Core.Catalog;
using Reelgate.Core.Ports;
using Reelgate.Server.Features.Generations;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>What the protocol's handlers use, as one [AsParameters] record.</summary>
public sealed record VideoServices(
    IJobStore Jobs,
    VideoResponseMapper Mapper,
    VideoFormReader Reader,
    VideoRequestTranslator Translator,
    InputReferenceUploads Uploads,
    GenerationPlanner Planner,
    SubmissionService Submissions,
    ModelCatalog Catalog,
    TimeProvider Time);
