namespace Reelgate.Bench.Suites;

/// <summary>
/// The engine suite's last part alone (<see cref="ServerJobRounds"/>): a 1080p job through the server against ffmpeg's
/// own encode, with the server's steps. Not part of "all", which runs it within the engine suite.
/// </summary>
internal sealed class ServerJobSuite : IBenchSuite
{
    public string Name => "engine-job";

    public string Description => "only the engine suite's 1080p job through the server, step by step (not in all)";

    public Task RunAsync(BenchRun run, CancellationToken cancellationToken) =>
        ServerJobRounds.RunAsync(run, run.Folder("engine-job"), cancellationToken);
}
