using System.Collections.Concurrent;
using Reelgate.Core;
using Reelgate.Core.Engines;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Tests.Workers;

/// <summary>How an attempt that does not complete ends, on the real SQLite store, as the API then shows the job.</summary>
public sealed class FailureRulesTests
{
    [Fact]
    public async Task Crash_queues_the_job_again_after_its_back_off_while_attempts_are_left()
    {
        using var run = await ClaimedJobApp.StartAsync();

        var rules = run.Service<FailureRules>();
        await rules.CrashedAsync(run.Job, RunnerSteps.WorkerId, new TaskCanceledException("sdk timeout"));

        var (_, seen) = await run.GetJobAsync();
        seen["status"]!.GetValue<string>().ShouldBe("queued");
        seen["retry_at"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Crash_fails_the_job_with_engine_error_and_releases_the_hold_on_its_last_attempt()
    {
        using var run = await ClaimedJobApp.StartAsync();

        var rules = run.Service<FailureRules>();
        await rules.CrashedAsync(run.Job with { Attempts = 3 }, RunnerSteps.WorkerId, new IOException("disk"));

        var (_, seen) = await run.GetJobAsync();
        (seen["status"]!.GetValue<string>(), seen["error"]!["code"]!.GetValue<string>()).ShouldBe(("failed", "engine_error"));
        seen["cost"]!["state"]!.GetValue<string>().ShouldBe("released");
    }

    [Fact]
    public async Task Hand_back_queues_the_job_again_for_a_claim_at_once()
    {
        using var run = await ClaimedJobApp.StartAsync();

        await run.Service<FailureRules>().HandBackAsync(run.Job, RunnerSteps.WorkerId);

        var (_, seen) = await run.GetJobAsync();
        seen["status"]!.GetValue<string>().ShouldBe("queued");
        seen["retry_at"].ShouldBeNull();
    }

    [Fact]
    public async Task Over_time_fails_the_job_and_asks_the_engine_to_stop_the_work_behind_its_checkpoint()
    {
        using var run = await ClaimedJobApp.StartAsync();
        var engine = new AbandonedEngine();

        await run.Service<FailureRules>().OverTimeAsync(run.Job, RunnerSteps.WorkerId, engine, "upstream-7");

        var (_, seen) = await run.GetJobAsync();
        seen["error"]!["code"]!.GetValue<string>().ShouldBe("time_limit_exceeded");
        engine.Abandoned.ShouldBe([(run.Job.Id, "upstream-7")]);
    }

    [Fact]
    public async Task Stop_tells_the_engine_to_abandon_its_work_only_when_the_job_was_cancelled()
    {
        using var run = await ClaimedJobApp.StartAsync();
        var rules = run.Service<FailureRules>();
        var engine = new AbandonedEngine();

        await rules.AbandonIfCancelledAsync(run.Job.Id, engine, "upstream-8");
        engine.Abandoned.ShouldBeEmpty();
        await run.CancelAsync();
        await rules.AbandonIfCancelledAsync(run.Job.Id, engine, "upstream-8");

        engine.Abandoned.ShouldBe([(run.Job.Id, "upstream-8")]);
    }

    /// <summary>A provider that records the work it is asked to stop.</summary>
    private sealed class AbandonedEngine : IVideoEngine
    {
        public ConcurrentQueue<(string JobId, string Checkpoint)> Abandoned { get; } = new();

        public string Name => "pixverse";

        public Failure? CheckSupport(GenerationSpec spec) => null;

        public TimeSpan TimeLimit(GenerationSpec spec) => TimeSpan.FromMinutes(1);

        public Task<RenderOutcome> RenderAsync(RenderJob job, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("only abandoned in these tests");

        public Task AbandonAsync(string jobId, string checkpoint, CancellationToken cancellationToken)
        {
            Abandoned.Enqueue((jobId, checkpoint));
            return Task.CompletedTask;
        }
    }
}
