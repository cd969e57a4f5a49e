using System.Collections.Concurrent;
using Microsoft.Playwright;
using Reelgate.Browser.Tests.Infrastructure;
using Reelgate.Testing;
using static Microsoft.Playwright.Assertions;

namespace Reelgate.Browser.Tests;

/// <summary>
/// Every HTML page carries a Content-Security-Policy (default-src 'self', frame-ancestors 'none') under which it works
/// with no violation, the Scalar reference included; the key is kept for the tab (sessionStorage) unless the user
/// ticks "Remember on this device" (localStorage).
/// </summary>
public sealed class PageSecurityTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/history/")]
    [InlineData("/dashboard/")]
    [InlineData("/pricing/")]
    [InlineData("/models/")]
    public async Task Page_works_without_a_policy_violation_under_its_content_security_policy(string path)
    {
        await using var session = await BrowserSession.OpenAsync(fixture);
        var violations = Violations(session.Page);
        await session.RememberKeyAsync(ServerProcess.AdminKey);

        var response = await session.Page.GotoAsync(path);
        await Expect(session.Page.Locator("#key-masked")).ToBeVisibleAsync();
        await session.Page.WaitForLoadStateAsync(LoadState.Load);
        try
        {
            await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            // The history page reads running jobs again every 2 s: while other tests' jobs run on a busy machine
            // it may never be idle. Every resource it loads at first has loaded (Load) and violations are collected.
        }

        var policy = (await response!.AllHeadersAsync())["content-security-policy"];
        policy.ShouldContain("default-src 'self'");
        policy.ShouldContain("script-src 'self';");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldNotContain("unsafe");
        violations.ShouldBeEmpty();
        session.PageErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Api_reference_renders_under_a_policy_that_allows_only_its_own_inline_script_by_hash()
    {
        var baseUrl = fixture.Server.BaseAddress.ToString().TrimEnd('/');
        await using var session = await BrowserSession.OpenAsync(fixture);
        var violations = Violations(session.Page);

        var response = await session.Page.GotoAsync(
            "/scalar/v1#tag/generationsapi/POST/v1/videos/generations",
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(session.Page.GetByText($"curl {baseUrl}/v1/videos/generations").First).ToBeVisibleAsync(new() { Timeout = 120_000 });

        var policy = (await response!.AllHeadersAsync())["content-security-policy"];
        policy.ShouldContain("default-src 'self'");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldMatch(@"script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'$");
        policy.ShouldNotContain("unsafe-eval");
        policy.ShouldNotContain("script-src 'self' 'unsafe-inline'");
        violations.ShouldBeEmpty();
        session.ForeignRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Key_stays_in_the_tab_unless_remember_is_ticked()
    {
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await page.GotoAsync("/");
        await session.EnterKeyAsync(ServerProcess.AdminKey);

        (await StoredAsync(page, "sessionStorage")).ShouldBe(ServerProcess.AdminKey);
        (await StoredAsync(page, "localStorage")).ShouldBeNull();
        var otherTab = await session.Context.NewPageAsync();
        await otherTab.GotoAsync("/");
        await Expect(otherTab.Locator("#api-key-input")).ToBeVisibleAsync();
        await otherTab.CloseAsync();

        await page.Locator("#forget-key").ClickAsync();
        await page.GetByLabel("API key", new() { Exact = true }).FillAsync(ServerProcess.AdminKey);
        await page.GetByLabel("Remember on this device").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use key" }).ClickAsync();
        await Expect(page.Locator("#key-masked")).ToBeVisibleAsync();

        (await StoredAsync(page, "localStorage")).ShouldBe(ServerProcess.AdminKey);
        (await StoredAsync(page, "sessionStorage")).ShouldBeNull();
        var rememberedTab = await session.Context.NewPageAsync();
        await rememberedTab.GotoAsync("/");
        await Expect(rememberedTab.Locator("#key-masked")).ToBeVisibleAsync();

        await rememberedTab.Locator("#forget-key").ClickAsync();
        (await StoredAsync(rememberedTab, "localStorage")).ShouldBeNull();
    }

    private static Task<string?> StoredAsync(IPage page, string storage) =>
        page.EvaluateAsync<string?>($"() => {storage}.getItem('reelgate.apiKey')");

    /// <summary>Chromium reports each refused load or script in the console, naming the Content Security Policy.</summary>
    private static ConcurrentQueue<string> Violations(IPage page)
    {
        var violations = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue(message.Text);
            }
        };
        return violations;
    }
}
