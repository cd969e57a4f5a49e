using Microsoft.Playwright;
using Reelgate.Testing;

[assembly: AssemblyFixture(typeof(Reelgate.Browser.Tests.Infrastructure.BrowserFixture))]

// Most of a browser test is waiting (for a page, a render): three at a time keep two cores busy.
[assembly: Xunit.v3.Parallelization(MaxThreads = 3)]

namespace Reelgate.Browser.Tests.Infrastructure;

/// <summary>
/// One built server (a child process on a free loopback port, temp data) and one headless Debian chromium for the
/// whole assembly; each test opens its own browser context. The browser is never downloaded: Playwright drives
/// /usr/bin/chromium through the node driver bundled in the package.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly TempDirectory _data = new("browser");
    private readonly Lazy<Task<SeededKey>> _seeded;
    private IPlaywright? _playwright;

    public BrowserFixture()
    {
        _seeded = new Lazy<Task<SeededKey>>(
            () => SeededKey.CreateAsync(Api, TestContext.Current.CancellationToken),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ServerProcess Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public ApiCalls Api { get; private set; } = null!;

    /// <summary>An admin key with one completed 360p job, made once through the API, for the pages that show history.</summary>
    public Task<SeededKey> SeededAsync() => _seeded.Value;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: run scripts/install-deps.sh --test (Debian's chromium package)");
        }

        // Playwright never fetches a browser here; this only makes sure nothing tries.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        // A loaded 2-core machine renders and pages slower than a laptop: expectations wait up to 45 s.
        Assertions.SetDefaultExpectTimeout(45_000);
        Server = new ServerProcess(_data.Path);
        var started = Server.StartAsync(TestContext.Current.CancellationToken, TimeSpan.FromMinutes(2));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        await started;
        Api = new ApiCalls(Server);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        _data.Dispose();
    }
}
