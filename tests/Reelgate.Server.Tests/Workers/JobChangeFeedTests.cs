using Reelgate.Server.Workers;

namespace Reelgate.Server.Tests.Workers;

public sealed class JobChangeFeedTests
{
    [Fact]
    public async Task Wait_completes_at_once_when_the_job_changes_and_leaves_nothing_behind()
    {
        var feed = new JobChangeFeed(TimeProvider.System);

        var wait = feed.WaitAsync("job_a", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        feed.Notify("job_a");
        await wait.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        feed.Waiting.ShouldBe(0);
    }

    [Fact]
    public async Task Wait_leaves_nothing_behind_when_it_times_out_or_is_cancelled_without_a_change()
    {
        var feed = new JobChangeFeed(TimeProvider.System);
        using var cancel = new CancellationTokenSource();

        var timedOut = feed.WaitAsync("job_final", TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        var cancelled = feed.WaitAsync("job_gone", TimeSpan.FromMinutes(1), cancel.Token);
        feed.Waiting.ShouldBe(2);
        await cancel.CancelAsync();
        await Task.WhenAll(timedOut, cancelled).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        feed.Waiting.ShouldBe(0);
    }
}
