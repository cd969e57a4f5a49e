using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reelgate.Core;
using Reelgate.Core.Engines;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Workers;

/// <summary>
/// An OperationCanceledException that is not the job's own (an SDK's HttpClient timeout thrown by an engine while the job's
/// token is untouched) is a crash of that attempt: the failure rules retry it after its back-off and fail it with
/// engine_error after the last attempt, and the worker slot goes on claiming jobs (the host keeps running).
/// </summary>
public sealed class ForeignCancellationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Job_fails_with_engine_error_after_its_attempts_and_the_slot_runs_the_next_job_when_an_engine_throws_an_sdk_timeout()
    {
        using var app = new TimingOutApp();
        using var key = await app.CreateKeyAsync("10.00");
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("x [sdk-timeout]", ("resolution", "360p")));
        var timedOut = submitted["job_id"]!.GetValue<string>();

        var failed = await Api.WaitForAsync(key.Client, timedOut, Deadline, "failed", "completed");

        failed["error"]!["code"]!.GetValue<string>().ShouldBe("engine_error", failed.ToJsonString());
        failed["cost"]!["state"]!.GetValue<string>().ShouldBe("released");
        app.Engine.Started.Count(id => id == timedOut).ShouldBe(3);
        var next = (await Api.SubmitAsync(key.Client, Api.Body("x", ("resolution", "360p"))))["job_id"]!.GetValue<string>();
        var completed = await Api.WaitForAsync(key.Client, next, Deadline, "completed", "failed");
        completed["status"]!.GetValue<string>().ShouldBe("completed", completed.ToJsonString());
    }

    /// <summary>One worker slot, whose only engine throws an HttpClient-style timeout for prompts saying "[sdk-timeout]".</summary>
    private sealed class TimingOutApp : ReelgateApp
    {
        protected override int Workers => 1;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IVideoEngine>();
                services.AddSingleton<IVideoEngine, TimingOutEngine>();
            });
        }
    }

    private sealed class TimingOutEngine(TestEngineControl control) : IVideoEngine
    {
        private readonly TestVideoEngine _renders = new(control);

        public string Name => _renders.Name;

        public Failure? CheckSupport(GenerationSpec spec) => null;

        public TimeSpan TimeLimit(GenerationSpec spec) => control.TimeLimit;

        public Task AbandonAsync(string jobId, string checkpoint, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<RenderOutcome> RenderAsync(RenderJob job, CancellationToken cancellationToken)
        {
            if (!job.Spec.Prompt.Contains("[sdk-timeout]", StringComparison.Ordinal))
            {
                return _renders.RenderAsync(job, cancellationToken);
            }

            control.CountRender(job.JobId);
            throw new TaskCanceledException(
                "The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.",
                new TimeoutException("timed out"));
        }
    }
}
