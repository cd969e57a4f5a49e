using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Reelgate.Core;
using Reelgate.Core.Catalog;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Server.Workers;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.Workers;

/// <summary>
/// Engines in the deployment's order over the real SQLite store: one that fails retryably before accepting the job hands it
/// to the next; one that accepted it (a saved checkpoint) keeps it, and alone resumes it.
/// </summary>
public sealed class EngineFallbackTests
{
    [Fact]
    public async Task Render_moves_to_the_next_engine_when_the_first_fails_retryably_before_accepting_the_job()
    {
        using var run = await ClaimedJobApp.StartAsync();
        var refusing = new MisbehavingEngine("pixverse", saveCheckpoint: false);
        var fallback = Fallback(run.App, refusing, new TestVideoEngine(new TestEngineControl()));
        var engines = fallback.PickEngines(run.Job);
        var started = new List<string>();
        using var work = new TempDirectory("fallback");

        var rendered = await fallback.RenderAsync(
            run.Job,
            RunnerSteps.WorkerId,
            engines,
            [],
            work.Path,
            new ProgressReporter(),
            (engine, _) => started.Add(engine.Name),
            Api.Token);

        engines.Select(e => e.Name).ShouldBe(["pixverse", "local"]);
        started.ShouldBe(["pixverse", "local"]);
        rendered.ShouldNotBeNull().Engine.Name.ShouldBe("local");
        rendered.Value.Outcome.ShouldBeOfType<RenderOutcome.Rendered>().VideoPath.ShouldStartWith(Path.Combine(work.Path, "local"));
        var stored = await run.StoredJobAsync();
        (stored.Engine, stored.Checkpoint).ShouldBe(("local", null));
    }

    [Fact]
    public async Task Render_keeps_the_failure_of_an_engine_that_accepted_the_job_and_only_it_resumes_the_job()
    {
        using var run = await ClaimedJobApp.StartAsync();
        var accepting = new MisbehavingEngine("pixverse", saveCheckpoint: true);
        var local = new TestEngineControl();
        var fallback = Fallback(run.App, accepting, new TestVideoEngine(local));
        using var work = new TempDirectory("fallback");

        var rendered = await fallback.RenderAsync(
            run.Job, RunnerSteps.WorkerId, fallback.PickEngines(run.Job), [], work.Path, new ProgressReporter(), (_, _) => { }, Api.Token);

        rendered.ShouldNotBeNull().Engine.ShouldBe(accepting);
        rendered.Value.Outcome.ShouldBeOfType<RenderOutcome.Failed>().Retryable.ShouldBeTrue();
        local.Renders.ShouldBe(0);
        var stored = await run.StoredJobAsync();
        (stored.Engine, stored.Checkpoint).ShouldBe(("pixverse", MisbehavingEngine.UpstreamId));
        fallback.PickEngines(stored).ShouldBe([accepting]);
        Fallback(run.App, new TestVideoEngine(local)).PickEngines(stored).ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_starts_no_engine_when_the_job_is_no_longer_ours()
    {
        using var run = await ClaimedJobApp.StartAsync();
        await run.CancelAsync();
        var control = new TestEngineControl();
        var fallback = Fallback(run.App, new TestVideoEngine(control));
        using var work = new TempDirectory("fallback");

        var rendered = await fallback.RenderAsync(
            run.Job, RunnerSteps.WorkerId, fallback.PickEngines(run.Job), [], work.Path, new ProgressReporter(), (_, _) => { }, Api.Token);

        rendered.ShouldBeNull();
        control.Renders.ShouldBe(0);
    }

    /// <summary>The runner's fallback over the app's store and catalog, with these engines enabled in this order.</summary>
    private static EngineFallback Fallback(ApiOnlyApp app, params IVideoEngine[] engines) => new(
        new EngineRouter(engines, engines.Select(e => e.Name).ToList()), app.Services.GetRequiredService<ModelCatalog>(),
        app.Services.GetRequiredService<IJobStore>(), app.Clock, NullLogger<EngineFallback>.Instance);

    /// <summary>A provider that fails retryably (an outage), after saving its upstream job id when told to (it accepted the job).</summary>
    private sealed class MisbehavingEngine(string name, bool saveCheckpoint) : IVideoEngine
    {
        public const string UpstreamId = "upstream-1";

        public string Name => name;

        public Failure? CheckSupport(GenerationSpec spec) => null;

        public TimeSpan TimeLimit(GenerationSpec spec) => TimeSpan.FromMinutes(10);

        public Task AbandonAsync(string jobId, string checkpoint, CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<RenderOutcome> RenderAsync(RenderJob job, CancellationToken cancellationToken)
        {
            if (saveCheckpoint)
            {
                (await job.Checkpoint.SaveAsync(UpstreamId, cancellationToken)).ShouldBeTrue();
            }

            return new RenderOutcome.Failed(new JobError("upstream_unavailable", "the provider is down"), Retryable: true);
        }
    }
}
