using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;

namespace Reelgate.Server.Tests.Infrastructure;

/// <summary>
/// The start of most runner-step tests: an app without workers, a key, and one job of it submitted through the API and
/// claimed for <see cref="RunnerSteps.WorkerId"/> (<see cref="RunnerSteps.SubmitAndClaimAsync"/>). Disposing it disposes
/// the key and the app.
/// </summary>
public sealed class ClaimedJobApp(ApiOnlyApp app, TestKey key, Job job) : IDisposable
{
    public ApiOnlyApp App => app;

    public TestKey Key => key;

    public Job Job => job;

    /// <summary>Submits <paramref name="body"/> (a 360p text-to-video by default) for a key with the credits given.</summary>
    public static async Task<ClaimedJobApp> StartAsync(JsonObject? body = null, string credits = "100.00")
    {
        var started = new ApiOnlyApp();
        TestKey? created = null;
        try
        {
            created = await started.CreateKeyAsync(credits);
            var claimed = await RunnerSteps.SubmitAndClaimAsync(started, created, body ?? Api.Body("x", ("resolution", "360p")));
            return new ClaimedJobApp(started, created, claimed);
        }
        catch
        {
            created?.Dispose();
            await started.DisposeAsync();
            throw;
        }
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>The job as its owner reads it through the API.</summary>
    public Task<(HttpStatusCode Status, JsonObject Json)> GetJobAsync() => Api.GetJsonAsync(Key.Client, $"/v1/jobs/{Job.Id}");

    /// <summary>The job as the app's store holds it now.</summary>
    public async Task<Job> StoredJobAsync() => (await Service<IJobStore>().GetAsync(job.Id, Api.Token))!;

    /// <summary>The owner cancels the job through the API (<see cref="RunnerSteps.CancelAsync"/>).</summary>
    public Task CancelAsync() => RunnerSteps.CancelAsync(Key, Job.Id);

    public void Dispose()
    {
        key.Dispose();
        app.Dispose();
    }
}
