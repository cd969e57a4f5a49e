using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests;

/// <summary>
/// The server reads its settings once: a watcher over its working folder (where the data folder usually sits) would wake
/// on every SQLite write. .NET names the thread that reads a FileSystemWatcher's events ".NET File Watch".
/// </summary>
public sealed class NoFileWatcherTests
{
    [Fact]
    public async Task The_server_started_in_its_data_folder_watches_no_files()
    {
        var token = TestContext.Current.CancellationToken;
        await using var server = await ServerProcess.StartOnTempDataAsync("no-watcher", null, token);
        using var admin = server.Client();
        await JobTraffic.CreateKeyAsync(admin, "1.00", token); // a write to the SQLite file in the working folder

        var pid = server.ProcessId ?? throw new InvalidOperationException("the server exited");
        var threads = Directory.GetDirectories($"/proc/{pid}/task")
            .Select(task => File.ReadAllText(Path.Combine(task, "comm")).Trim())
            .ToList();
        threads.ShouldContain(name => name.StartsWith(".NET", StringComparison.Ordinal));
        threads.ShouldNotContain(".NET File Watch");
    }
}
