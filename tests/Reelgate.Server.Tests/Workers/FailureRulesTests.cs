using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
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
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var job = await RunnerSteps.SubmitAndClaimAsync(app, key, Api.Body("x", ("resolution", "360p")));

        var rules = app.Services.GetRequiredService<FailureRules>();
        await rules.CrashedAsync(job, RunnerSteps.WorkerId, new TaskCanceledException("sdk timeout"));

        var (_, seen) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{job.Id}");
        seen["status"]!.GetValue<string>().ShouldBe("queued");
        seen["retry_at"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Crash_fails_the_job_with_engine_error_and_releases_the_hold_on_its_last_attempt()
    {
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var job = await RunnerSteps.SubmitAndClaimAsync(app, key, Api.Body("x", ("resolution", "360p")));

        var rules = app.Services.GetRequiredService<FailureRules>();
        await rules.CrashedAsync(job with { Attempts = 3 }, RunnerSteps.WorkerId, new IOException("disk"));

        var (_, seen) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{job.Id}");
        (seen["status"]!.GetValue<string>(), seen["error"]!["code"]!.GetValue<string>()).ShouldBe(("failed", "engine_error"));
        seen["cost"]!["state"]!.GetValue<string>().ShouldBe("released");
    }

    [Fact]
    public async Task Hand_back_queues_the_job_again_for_a_claim_at_once()
    {
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var job = await RunnerSteps.SubmitAndClaimAsync(app, key, Api.Body("x", ("resolution", "360p")));

        await app.Services.GetRequiredService<FailureRules>().HandBackAsync(job, RunnerSteps.WorkerId);

        var (_, seen) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{job.Id}");
        seen["status"]!.GetValue<string>().ShouldBe("queued");
        seen["retry_at"].ShouldBeNull();
    }

    [Fact]
    public async Task Over_time_fails_the_job_and_asks_the_engine_to_stop_the_work_behind_its_checkpoint()
    {
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var job = await RunnerSteps.SubmitAndClaimAsync(app, key, Api.Body("x", ("resolution", "360p")));
        var engine = new AbandonedEngine();

        await app.Services.GetRequiredService<FailureRules>().OverTimeAsync(job, RunnerSteps.WorkerId, engine, "upstream-7");

        var (_, seen) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{job.Id}");
        seen["error"]!["code"]!.GetValue<string>().ShouldBe("time_limit_exceeded");
        engine.Abandoned.ShouldBe([(job.Id, "upstream-7")]);
    }

    [Fact]
    public async Task Stop_tells_the_engine_to_abandon_its_work_only_when_the_job_was_cancelled()
    {
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var rules = app.Services.GetRequiredService<FailureRules>();
        var job = await RunnerSteps.SubmitAndClaimAsync(app, key, Api.Body("x", ("resolution", "360p")));
        var engine = new AbandonedEngine();

        await rules.AbandonIfCancelledAsync(job.Id, engine, "upstream-8");
        engine.Abandoned.ShouldBeEmpty();
        await RunnerSteps.CancelAsync(key, job.Id);
        await rules.AbandonIfCancelledAsync(job.Id, engine, "upstream-8");

        engine.Abandoned.ShouldBe([(job.Id, "upstream-8")]);
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
