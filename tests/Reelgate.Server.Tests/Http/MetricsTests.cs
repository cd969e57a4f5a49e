using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Http;

/// <summary>/metrics, scraped while jobs run, agrees with the jobs' states; each job is one trace.</summary>
public sealed partial class MetricsTests
{
    [Fact]
    public async Task Metrics_agree_with_the_jobs_states_during_a_run()
    {
        using var app = new ReelgateApp();
        using var key = await app.CreateKeyAsync();
        var held = (await Api.SubmitAsync(key.Client, Api.Body("x [hold]", ("resolution", "360p"))))["job_id"]!.GetValue<string>();
        var done = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            done.Add((await Api.SubmitAsync(key.Client, Api.Body($"y{i}", ("resolution", "360p"), ("audio", false))))["job_id"]!.GetValue<string>());
        }

        var failed = (await Api.SubmitAsync(key.Client, Api.Body("z [fail:boom]", ("resolution", "360p"))))["job_id"]!.GetValue<string>();
        foreach (var id in done)
        {
            await Api.WaitForAsync(key.Client, id, TimeSpan.FromSeconds(60), "completed");
        }

        await Api.WaitForAsync(key.Client, failed, TimeSpan.FromSeconds(60), "failed");
        await Api.WaitForAsync(key.Client, held, TimeSpan.FromSeconds(60), "processing");

        using var anonymous = app.ClientWith(null);
        var clock = Stopwatch.StartNew();
        string text;
        while (true)
        {
            using var response = await anonymous.GetAsync("/metrics", Api.Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            text = await response.Content.ReadAsStringAsync(Api.Token);
            if (Value(text, "reelgate_jobs", "status=\"completed\"") == 3 && Value(text, "reelgate_jobs", "status=\"processing\"") == 1)
            {
                break;
            }

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), text);
            await Task.Delay(200, Api.Token);
        }

        Value(text, "reelgate_jobs", "status=\"failed\"").ShouldBe(1);
        Value(text, "reelgate_jobs", "status=\"queued\"").ShouldBe(0);
        Value(text, "reelgate_queue_depth", null).ShouldBe(0);
        Value(text, "reelgate_jobs_submitted_total", "model=\"pixverse-v5-6\"", sum: true).ShouldBe(5);
        Value(text, "reelgate_jobs_finished_total", "status=\"completed\"", sum: true).ShouldBe(3);
        Value(text, "reelgate_jobs_finished_total", "status=\"failed\"", sum: true).ShouldBe(1);
        Value(text, "reelgate_ledger_charged_total", null, sum: true).ShouldBe(3 * 400_000);
        text.ShouldContain("reelgate_render_duration_seconds_bucket");
        text.ShouldContain("http_server_request_duration_seconds");
        app.Engine.Release(held);
    }

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
        var jobId = (await Api.SubmitAsync(key.Client, Api.Body("x", ("resolution", "360p"), ("audio", false))))["job_id"]!.GetValue<string>();
        await Api.WaitForAsync(key.Client, jobId, TimeSpan.FromSeconds(60), "completed");

        var clock = Stopwatch.StartNew();
        List<Activity> mine;
        do
        {
            lock (spans)
            {
                mine = spans.Where(s => (string?)s.GetTagItem("reelgate.job_id") == jobId).ToList();
            }

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
            await Task.Delay(50, Api.Token);
        }
        while (!mine.Any(s => s.OperationName == "job.completed"));

        mine.Select(s => s.OperationName).ShouldContain("job.submit");
        mine.Select(s => s.OperationName).ShouldContain("job.claim");
        mine.Select(s => s.TraceId).Distinct().Count().ShouldBe(1);
    }

    private static long Value(string exposition, string metric, string? label, bool sum = false)
    {
        var values = MetricLine().Matches(exposition)
            .Where(m => m.Groups["name"].Value == metric && (label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            .Select(m => (long)double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .ToList();
        return sum ? values.Sum() : values.SingleOrDefault(-1);
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex MetricLine();
}
