using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reelgate.Testing;

/// <summary>
/// The built server as a real child process on a free loopback port, over a data folder that outlives
/// the process, so a test can kill it (-9 or TERM) and start it again on the same data.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string AdminKey = "rg_e2e_admin_key_0123456789abcdefghij";
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Dictionary<string, string> _environment;
    private readonly string _readyPath;
    private readonly bool _portChosenHere;
    private Process? _process;
    private TempDirectory? _ownedData;

    /// <param name="dataDirectory">The data folder (REELGATE_DATA_DIR), which outlives the process.</param>
    /// <param name="environment">More environment variables, overriding the defaults.</param>
    /// <param name="port">The loopback port; a free one when null.</param>
    /// <param name="readyPath">The route that answers 200 once the server is up: a worker-only node (REELGATE_ROLE=worker) serves no API,
    /// so give it /healthz.</param>
    public ServerProcess(
        string dataDirectory,
        IReadOnlyDictionary<string, string>? environment = null,
        int? port = null,
        string readyPath = "/v1/models")
    {
        DataDirectory = dataDirectory;
        _readyPath = readyPath;
        _portChosenHere = port is null;
        Port = port ?? FreePort();
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["REELGATE_DATA_DIR"] = dataDirectory,
            ["REELGATE_ADMIN_KEY"] = AdminKey,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",

            // The suite's servers are development servers: simulated faults on (a test of the default passes "" to turn it off).
            ["REELGATE_SIMULATION"] = "true",
            ["Reelgate__Workers__RetryBackoff"] = "00:00:01",
            // Set, not left to the defaults: the suites make keys without limits and many requests from loopback.
            ["Reelgate__Limits__Defaults__RequestsPerMinute"] = "0",
            ["Reelgate__Limits__Defaults__JobsInFlight"] = "0",
            ["Reelgate__Limits__Defaults__UploadBytes"] = "0",
            ["Reelgate__Limits__AnonymousRequestsPerMinute"] = "0",
            ["Reelgate__Limits__FailedAuthenticationsPerMinute"] = "0",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>A started server on a fresh temp data folder of its own, which goes when the server is disposed.</summary>
    public static async Task<ServerProcess> StartOnTempDataAsync(
        string folderName,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken)
    {
        var data = new TempDirectory(folderName);
        var server = new ServerProcess(data.Path, environment) { _ownedData = data };
        try
        {
            await server.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public int Port { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public IReadOnlyList<string> Output => [.. _output];

    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>Starts the process and waits until it answers GET on its ready path (/v1/models unless told otherwise).</summary>
    public async Task StartAsync(CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        // A free port can be taken by another process's outgoing connection before the server binds it: a port
        // chosen here is chosen again then, up to three times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync(timeout, cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (_portChosenHere && attempt < 3 && LostThePort())
            {
                _process?.Dispose();
                _output.Clear();
                Port = FreePort();
                _environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}";
            }
        }
    }

    private bool LostThePort() =>
        _process is { HasExited: true } && _output.Any(line => line.Contains("address already in use", StringComparison.Ordinal));

    private async Task StartOnceAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (!File.Exists(RepositoryPaths.ServerDll))
        {
            throw new FileNotFoundException("build the server first", RepositoryPaths.ServerDll);
        }

        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.ServerDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DataDirectory,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        Directory.CreateDirectory(DataDirectory);
        _process = Process.Start(start) ?? throw new InvalidOperationException("the server did not start");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"the server exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri(_readyPath, UriKind.Relative), cancellationToken);
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false; // not listening yet
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return false; // slow to answer while starting
                }
            },
            timeout ?? TimeSpan.FromSeconds(60),
            cancellationToken,
            () => $"the server did not answer ready:\n{string.Join('\n', _output)}");
    }

    /// <summary>SIGKILL: the process gets no chance to tidy up.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, then waits for the exit; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("not started");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(wait.Token);
        return process.ExitCode;
    }

    public HttpClient Client(string? key = AdminKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _ownedData?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 20000 && _output.TryDequeue(out _))
        {
            // Keep the last lines only.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
