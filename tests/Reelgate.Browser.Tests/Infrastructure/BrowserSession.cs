using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Reelgate.Browser.Tests.Infrastructure;

/// <summary>
/// A fresh browser context (its own localStorage) and page for one test, at one screen size. It records uncaught
/// script errors, every request URL, and any request to a host other than this machine (which it refuses).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _pageErrors = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _foreign = new();

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyCollection<string> PageErrors => _pageErrors;

    public IReadOnlyCollection<string> RequestUrls => _requests;

    public IReadOnlyCollection<string> ForeignRequests => _foreign;

    public static async Task<BrowserSession> OpenAsync(BrowserFixture fixture, Viewport? viewport = null)
    {
        viewport ??= Viewport.Desktop;
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Server.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            DeviceScaleFactor = 1,
            AcceptDownloads = true,
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        // Waits, not timings: under the full suite (ffmpeg renders on both cores) a page can take tens of seconds
        // to load; the Scalar reference alone is 5 MB of script to compile.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        page.PageError += (_, error) => session._pageErrors.Enqueue(error);
        page.Request += (_, request) => session._requests.Enqueue(request.Url);
        await context.RouteAsync(url => !IsLocal(url), async route =>
        {
            session._foreign.Enqueue(route.Request.Url);
            await route.AbortAsync();
        });
        return session;
    }

    /// <summary>Types the key into the header's key bar, as a person would, and waits until the page accepted it.</summary>
    public async Task EnterKeyAsync(string key)
    {
        await Page.GetByLabel("API key", new PageGetByLabelOptions { Exact = true }).FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Use key" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#key-masked")).ToBeVisibleAsync();
    }

    /// <summary>Starts every page of this context with the key already stored, as after an earlier visit.</summary>
    public Task RememberKeyAsync(string key) =>
        Context.AddInitScriptAsync($"localStorage.setItem('reelgate.apiKey', {System.Text.Json.JsonSerializer.Serialize(key)});");

    /// <summary>Opens a page and enters the key in its key bar.</summary>
    public async Task OpenWithKeyAsync(string path, string key)
    {
        await Page.GotoAsync(path);
        await EnterKeyAsync(key);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
    }

    private static bool IsLocal(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is "data" or "blob" || uri.IsLoopback;
}
