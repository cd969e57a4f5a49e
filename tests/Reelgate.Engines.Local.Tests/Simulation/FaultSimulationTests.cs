using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Reelgate.Core.Engines;
using Reelgate.Engines.Local.Encoding;
using Reelgate.Engines.Local.Simulation;

namespace Reelgate.Engines.Local.Tests.Simulation;

public sealed class FaultSimulationTests
{
    private static readonly TimeSpan TimerTick = TimeSpan.FromMilliseconds(15);

    private static Dictionary<string, string> Simulate(string value) => new() { [FaultSimulation.MetadataKey] = value };

    private static LocalVideoEngine Engine() =>
        new(Options.Create(new FfmpegOptions()), new ChildProcessTracker(), TimeProvider.System, NullLogger<LocalVideoEngine>.Instance);

    [Theory]
    [InlineData("fail:upstream_error", SimulationAction.Fail)]
    [InlineData("fail_retryable:provider_busy", SimulationAction.FailRetryable)]
    [InlineData("moderation", SimulationAction.Moderation)]
    [InlineData("delay:2.5", SimulationAction.Delay)]
    [InlineData("stall", SimulationAction.Stall)]
    public void Parse_reads_each_step_when_the_value_is_well_formed(string value, SimulationAction action)
    {
        var parsed = FaultSimulation.Parse(Simulate(value));

        parsed.Succeeded.ShouldBeTrue();
        parsed.Value!.Steps.Single().Action.ShouldBe(action);
    }

    [Theory]
    [InlineData("explode")]
    [InlineData("fail")]
    [InlineData("fail:Bad Code")]
    [InlineData("delay:abc")]
    [InlineData("delay:601")]
    [InlineData("delay:-1")]
    [InlineData("stall:3")]
    [InlineData("delay:1,,fail:x")]
    public void Parse_refuses_naming_metadata_when_the_value_is_malformed(string value)
    {
        var failure = FaultSimulation.Parse(Simulate(value)).Failure;

        failure.ShouldNotBeNull();
        failure.Param.ShouldBe("metadata");
        failure.Code.ShouldBe("invalid_simulation");
        failure.Message.ShouldContain("reelgate_simulate");
    }

    [Fact]
    public void CheckSupport_accepts_whatever_the_metadata_says()
    {
        Engine().CheckSupport(Specs.Make()).ShouldBeNull();
        Engine().CheckSupport(Specs.Make(metadata: new Dictionary<string, string> { ["team"] = "x" })).ShouldBeNull();
        Engine().CheckSupport(Specs.Make(metadata: Simulate("explode"))).ShouldBeNull();
    }

    [Fact]
    public async Task Render_ignores_the_simulation_when_the_job_may_not_simulate()
    {
        await using var harness = new EngineHarness();
        var job = harness
            .Job(Specs.Make(resolution: "360p", metadata: Simulate("fail:upstream_error")), "not-allowed") with { AllowSimulation = false };

        var outcome = await harness.Engine.RenderAsync(job, TestContext.Current.CancellationToken);

        outcome.ShouldBeOfType<RenderOutcome.Rendered>();
    }

    [Theory]
    [InlineData("fail:upstream_error", "upstream_error", false)]
    [InlineData("fail_retryable:provider_busy", "provider_busy", true)]
    [InlineData("moderation", "content_moderation", false)]
    public async Task Render_fails_with_the_chosen_code_when_a_failure_is_simulated(string value, string code, bool retryable)
    {
        await using var harness = new EngineHarness();

        var outcome = await harness.Engine.RenderAsync(
            harness.Job(Specs.Make(metadata: Simulate(value)), "fail"),
            TestContext.Current.CancellationToken);

        var failed = outcome.ShouldBeOfType<RenderOutcome.Failed>();
        failed.Error.Code.ShouldBe(code);
        failed.Retryable.ShouldBe(retryable);
        File.Exists(Path.Combine(harness.Folder("fail"), LocalVideoEngine.VideoFileName)).ShouldBeFalse();
    }

    [Fact]
    public async Task Render_takes_at_least_the_delay_when_delay_then_fail_is_simulated()
    {
        await using var harness = new EngineHarness();
        var watch = Stopwatch.StartNew();

        var outcome = await harness.Engine.RenderAsync(
            harness.Job(Specs.Make(metadata: Simulate("delay:1.2,fail:upstream_timeout")), "delay"), TestContext.Current.CancellationToken);

        // The runtime's timers can fire a millisecond before the stopwatch says (1.1993 s was seen): allow a tick.
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.2) - TimerTick);
        outcome.ShouldBeOfType<RenderOutcome.Failed>().Error.Code.ShouldBe("upstream_timeout");
    }

    [Fact]
    public async Task Render_waits_for_the_clock_then_renders_when_a_delay_is_simulated()
    {
        var time = new FakeTimeProvider();
        await using var harness = new EngineHarness(time);

        var render = harness.Engine.RenderAsync(
            harness.Job(Specs.Make(metadata: Simulate("delay:30")), "delay-clock"),
            TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(29.9));
        render.IsCompleted.ShouldBeFalse();
        harness.Processes.RunningProcessIds.ShouldBeEmpty();
        time.Advance(TimeSpan.FromSeconds(0.1));

        (await render).ShouldBeOfType<RenderOutcome.Rendered>();
    }

    [Fact]
    public async Task Render_never_finishes_until_cancelled_when_a_stall_is_simulated()
    {
        var time = new FakeTimeProvider();
        await using var harness = new EngineHarness(time);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var render = harness.Engine.RenderAsync(harness.Job(Specs.Make(metadata: Simulate("stall")), "stall"), cancel.Token);
        time.Advance(TimeSpan.FromDays(1));
        render.IsCompleted.ShouldBeFalse();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => render);
    }
}
