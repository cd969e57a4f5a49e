using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reelgate.Bench.Hosting;

/// <summary>
/// A server the benchmark drives, as a child process on a free loopback port: the built Reelgate server
/// (optionally started under <c>perf record</c>, which then profiles it and every ffmpeg it runs) or the
/// bare Kestrel endpoint. <see cref="Pid"/> is the server's own process, never perf's.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const string AdminKey = "rg_bench_admin_key_0123456789abcdefghij";

    /// <summary>
    /// The young generation's budget scripts/serve.sh gives the server (docs/operations.md), so it is measured as it runs;
    /// the bare and slim baselines get it too, so the comparison stays like for like.
    /// </summary>
    public const string GcGen0Size = "0x4000000";
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ProcessStartInfo _start;
    private readonly string _readyPath;
    private readonly bool _underPerf;
    private Process? _process;

    private BenchServer(string name, ProcessStartInfo start, string readyPath, int port, bool underPerf)
    {
        Name = name;
        _start = start;
        _readyPath = readyPath;
        Port = port;
        _underPerf = underPerf;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>The server process (under perf: perf's child).</summary>
    public int Pid { get; private set; }

    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>The built Reelgate server over <paramref name="dataDirectory"/> (SQLite there unless <paramref name="database"/> names
    /// PostgreSQL).</summary>
    /// <param name="name">A label for messages and the report.</param>
    /// <param name="dataDirectory">REELGATE_DATA_DIR, also the working folder.</param>
    /// <param name="workers">REELGATE_WORKERS: 0 serves the API only.</param>
    /// <param name="database">REELGATE_DATABASE (a PostgreSQL connection string), or null for SQLite.</param>
    /// <param name="perfData">When set, the server runs under <c>perf record -F 99</c> writing there (which samples every ffmpeg it starts
    /// too), with .NET's perf map on.</param>
    /// <param name="perfMap">.NET's perf map on, so that a system-wide perf recording names JIT-compiled methods.</param>
    /// <param name="x264Preset">Reelgate:Ffmpeg:Preset for the local engine, or null for its default.</param>
    public static BenchServer Reelgate(
        string name,
        string dataDirectory,
        int workers,
        string? database = null,
        string? perfData = null,
        bool perfMap = false,
        string? x264Preset = null)
    {
        var dll = BenchPaths.ServerDll;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("build the server first (scripts/bench.sh does)", dll);
        }

        Directory.CreateDirectory(dataDirectory);
        var port = FreePort();
        var start = perfData is null
            ? new ProcessStartInfo("dotnet", [dll])
            : new ProcessStartInfo("perf", ["record", "-F", "99", "-q", "-o", perfData, "--", "dotnet", dll]);
        start.WorkingDirectory = dataDirectory;
        start.Environment["REELGATE_DATA_DIR"] = dataDirectory;
        start.Environment["REELGATE_ADMIN_KEY"] = AdminKey;
        start.Environment["REELGATE_WORKERS"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_GCgen0size"] = GcGen0Size;
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        start.Environment["Reelgate__Limits__Defaults__RequestsPerMinute"] = "0";
        start.Environment["Reelgate__Limits__AnonymousRequestsPerMinute"] = "0";
        if (workers == 0)
        {
            // Nothing renders, so every job stays in flight: under the default limit of 50 a key's submits after
            // the 50th are all refused (429) before they reach the store, and the figure measures the refusal.
            start.Environment["Reelgate__Limits__Defaults__JobsInFlight"] = "0";
        }

        if (database is not null)
        {
            start.Environment["REELGATE_DATABASE"] = database;
        }

        if (x264Preset is not null)
        {
            start.Environment["Reelgate__Ffmpeg__Preset"] = x264Preset;
        }

        if (perfData is not null || perfMap)
        {
            // JIT-compiled methods get names in the profile (perf reads /tmp/perf-PID.map).
            start.Environment["DOTNET_PerfMapEnabled"] = "1";
            start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        }

        return new BenchServer(name, Prepare(start), "/v1/models", port, perfData is not null);
    }

    /// <summary>The bare Kestrel endpoint (bench/Reelgate.Bench.Bare) answering <paramref name="jobJsonPath"/>'s JSON.</summary>
    /// <param name="jobJsonPath">The job's JSON the endpoint answers with.</param>
    /// <param name="slim">The slim endpoint (CreateSlimBuilder, no logging, the body parsed) instead of the server's settings.</param>
    public static BenchServer Bare(string jobJsonPath, bool slim = false)
    {
        var dll = Path.Combine(
            BenchPaths.RepositoryRoot(),
            "bench",
            "Reelgate.Bench.Bare",
            "bin",
            BenchPaths.Configuration,
            "net10.0",
            "linux-x64",
            "Reelgate.Bench.Bare.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("build bench/Reelgate.Bench.Bare first (scripts/bench.sh does)", dll);
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", slim ? [dll, jobJsonPath, "--slim"] : [dll, jobJsonPath]);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_GCgen0size"] = GcGen0Size;
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        return new BenchServer(slim ? "slim" : "bare", Prepare(start), "/ready", port, underPerf: false);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _process = Process.Start(_start) ?? throw new InvalidOperationException($"{Name} did not start");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(_readyPath, UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Pid = _underPerf ? ProcessMeter.Children(_process.Id).FirstOrDefault(_process.Id) : _process.Id;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow to answer while starting.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{Name} did not answer within 120 s:\n{string.Join('\n', _output)}");
    }

    /// <summary>Kills the server (and whatever it runs); under perf, waits for perf to write its data.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        if (_underPerf && Pid != _process.Id)
        {
            try
            {
                using var server = Process.GetProcessById(Pid);
                server.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // perf did not finish: killed below.
            }
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }

    private static ProcessStartInfo Prepare(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 500 && _output.TryDequeue(out _))
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
