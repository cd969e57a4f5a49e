using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;

namespace Reelgate.Server.Tests.Infrastructure;

/// <summary>
/// For tests of one step of the job runner: a job submitted through the API of an app without workers and claimed
/// through the app's own store (a real SQLite file, its decorators included), as a worker slot would claim it.
/// </summary>
public static class RunnerSteps
{
    public const string WorkerId = "test-node/0";

    /// <summary>Submits the body and claims the job (the only queued one of a fresh app) for <see cref="WorkerId"/>.</summary>
    public static async Task<Job> SubmitAndClaimAsync(ReelgateApp app, TestKey key, JsonObject body, TimeSpan? lease = null)
    {
        var jobId = (await Api.SubmitAsync(key.Client, body))["job_id"]!.GetValue<string>();
        var jobs = app.Services.GetRequiredService<IJobStore>();
        var job = await jobs.ClaimAsync(WorkerId, app.Clock.GetUtcNow(), lease ?? TimeSpan.FromMinutes(5), 3, Api.Token);
        job.ShouldNotBeNull().Id.ShouldBe(jobId);
        return job;
    }

    /// <summary>Cancels the job through the API and asserts 200.</summary>
    public static async Task CancelAsync(TestKey key, string jobId)
    {
        var (status, json, response) = await Api.PostJsonAsync(key.Client, $"/v1/jobs/{jobId}/cancel", new JsonObject());
        response.Dispose();
        status.ShouldBe(System.Net.HttpStatusCode.OK, json.ToJsonString());
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, or fails saying what did not happen.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Reelgate.Testing.Deadline.After(timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            deadline.ThrowIfPassed(what);
            await Task.Delay(20, Api.Token);
        }
    }
}
