using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.Workers;

/// <summary>A completed job's steps are in /metrics (reelgate.job.step.duration by step): an operator sees what is not
/// rendering.</summary>
public sealed class JobStepMetricsTests(ReelgateApp app) : IClassFixture<ReelgateApp>
{
    // Not "render": the test app swaps the engine for TestVideoEngine, without the server's tracing decorator that times it
    // (the benchmark's server job reads the render step of the real one).
    private static readonly string[] Steps = ["claim", "stage", "checkpoint", "probe", "store", "complete"];

    [Fact]
    public async Task Metrics_time_each_step_of_a_job_when_it_completes()
    {
        using var key = await app.CreateKeyAsync();
        using var admin = app.Admin();
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("waves", ("resolution", "360p"), ("audio", true)));
        var jobId = submitted["job_id"]!.GetValue<string>();
        var job = await Api.WaitForAsync(key.Client, jobId, TimeSpan.FromSeconds(60), "completed", "failed");
        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());

        var text = string.Empty;
        await Poll.UntilAsync(
            async () =>
            {
                text = await admin.GetStringAsync(new Uri("/metrics", UriKind.Relative), Api.Token);
                return Steps.All(step => text.Contains($"step=\"{step}\"", StringComparison.Ordinal));
            },
            TimeSpan.FromSeconds(30),
            Api.Token,
            () => $"not every step in /metrics:\n{text}");

        text.ShouldContain("reelgate_job_step_duration_seconds_count{");
    }
}
