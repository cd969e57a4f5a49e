using System.Diagnostics;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.Http;

/// <summary>Each job is one trace across its spans (the /metrics test runs against a server process: meters are process-wide).</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task Each_job_is_one_trace_from_submit_to_completion()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Reelgate.Jobs",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) { spans.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var app = new ReelgateApp();
        using var key = await app.CreateKeyAsync();
        var jobId = (await Api.SubmitAsync(key.Client, Api.Body("x", ("resolution", "360p"), ("audio", false))))["job_id"]!
            .GetValue<string>();
        await Api.WaitForAsync(key.Client, jobId, TimeSpan.FromSeconds(60), "completed");

        List<Activity> mine = [];
        await Poll.UntilAsync(
            () =>
            {
                lock (spans)
                {
                    mine = spans.Where(s => (string?)s.GetTagItem("reelgate.job_id") == jobId).ToList();
                }

                return mine.Any(s => s.OperationName == "job.completed");
            },
            TimeSpan.FromSeconds(10),
            Api.Token,
            () => "no job.completed span");

        mine.Select(s => s.OperationName).ShouldContain("job.submit");
        mine.Select(s => s.OperationName).ShouldContain("job.claim");
        mine.Select(s => s.TraceId).Distinct().Count().ShouldBe(1);
    }

}
