using Reelgate.Core.Catalog;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;

namespace Reelgate.Server.Workers;

/// <summary>
/// Chooses the engines of a job in the deployment's order and renders with them: an engine that fails retryably
/// before accepting the job (nothing in its checkpoint) hands it to the next; any other outcome is the attempt's.
/// Each engine's name and checkpoint are written under the lease before it starts.
/// </summary>
public sealed partial class EngineFallback(
    EngineRouter router, ModelCatalog catalog, IJobStore jobs, TimeProvider time, ILogger<EngineFallback> logger)
{
    /// <summary>
    /// The engine holding the job's checkpoint alone (it accepted the job: resume, never resubmit), else the
    /// model's engines that can honour the request, in the deployment's order. Empty: the accepting engine is gone.
    /// </summary>
    public IReadOnlyList<IVideoEngine> PickEngines(Job job)
    {
        if (job.Engine is not null && job.Checkpoint is not null)
        {
            return router.Find(job.Engine) is { } resumed ? [resumed] : [];
        }

        var model = catalog.Find(job.Request.Model) ?? throw new InvalidOperationException($"model {job.Request.Model} left the catalog");
        var engines = router.FallbackOrderFor(model, job.Request);
        return engines.Count > 0 ? engines : throw new InvalidOperationException($"no enabled engine can serve this {model.Id} request");
    }

    /// <summary>
    /// Renders with <paramref name="engines"/> in turn, each in its own folder under <paramref name="workDirectory"/>;
    /// <paramref name="starting"/> hears of each engine (and its checkpoint) just before it starts. Null when the
    /// job stopped being ours before an engine could start.
    /// </summary>
    public async Task<(IVideoEngine Engine, RenderOutcome Outcome)?> RenderAsync(
        Job job,
        string workerId,
        IReadOnlyList<IVideoEngine> engines,
        IReadOnlyList<RenderInput> inputs,
        string workDirectory,
        IProgress<int> progress,
        Action<IVideoEngine, LeaseCheckpoint> starting,
        CancellationToken cancellationToken)
    {
        for (var index = 0; ; index++)
        {
            var engine = engines[index];
            var saved = index == 0 ? job.Checkpoint : null;
            if (!await jobs.SaveCheckpointAsync(job.Id, workerId, engine.Name, saved, time.GetUtcNow(), cancellationToken))
            {
                return null;
            }

            var checkpoint = new LeaseCheckpoint(jobs, job.Id, workerId, engine.Name, saved, time);
            starting(engine, checkpoint);
            var engineDirectory = Path.Combine(workDirectory, engine.Name);
            Directory.CreateDirectory(engineDirectory);
            var render = new RenderJob(job.Id, job.Request, inputs, engineDirectory, progress, checkpoint)
            {
                AllowSimulation = job.Simulate,
            };
            var outcome = await engine.RenderAsync(render, cancellationToken);

            // Fallback: an engine that failed before accepting the job (nothing in its checkpoint) hands it to the next.
            if (outcome is RenderOutcome.Failed { Retryable: true } refused && checkpoint.Saved is null && index + 1 < engines.Count)
            {
                LogFallback(logger, job.Id, engine.Name, refused.Error.Code, engines[index + 1].Name);
                continue;
            }

            return (engine, outcome);
        }
    }

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning,
        Message = "Job {JobId}: engine {Engine} did not accept it ({Code}); moving to engine {Next}")]
    private static partial void LogFallback(ILogger logger, string jobId, string engine, string code, string next);
}
