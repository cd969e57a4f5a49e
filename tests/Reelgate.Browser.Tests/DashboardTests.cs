using Microsoft.Playwright;
using Reelgate.Browser.Tests.Infrastructure;
using Reelgate.Testing;
using static Microsoft.Playwright.Assertions;

namespace Reelgate.Browser.Tests;

/// <summary>The dashboard: balance and usage for any key; creating, topping up and revoking keys for an admin.</summary>
public sealed class DashboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Dashboard_creates_tops_up_and_revokes_a_key_when_the_key_is_admin()
    {
        var token = TestContext.Current.CancellationToken;
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await session.OpenWithKeyAsync("/dashboard/", ServerProcess.AdminKey);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("ci-robot");
        await page.GetByLabel("Starting credit (USD)").FillAsync("2.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var shown = page.GetByLabel("The new key");
        await Expect(shown).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^rg_"));
        var secret = await shown.InputValueAsync();
        (await fixture.Api.AvailableAsync(secret, token)).ShouldBe(2.00m);

        var row = page.Locator("#keys-table tr[data-name='ci-robot']");
        await Expect(row.Locator(".key-available")).ToHaveTextAsync("$2.00");
        await page.GetByLabel("Amount to add to ci-robot").FillAsync("1.50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add credit to ci-robot" }).ClickAsync();
        await Expect(row.Locator(".key-available")).ToHaveTextAsync("$3.50");
        (await fixture.Api.AvailableAsync(secret, token)).ShouldBe(3.50m);

        // Shown once: gone from the page when dismissed, and never again after a reload.
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.Locator("#new-key")).ToBeHiddenAsync();
        (await page.ContentAsync()).ShouldNotContain(secret);
        await page.ReloadAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "active");
        (await page.ContentAsync()).ShouldNotContain(secret);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke ci-robot" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm: revoke ci-robot" }).ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "revoked");
        await Expect(row).ToContainTextAsync("revoked");
        (await fixture.Api.AvailableAsync(secret, token)).ShouldBeNull();
        session.PageErrors.ShouldBeEmpty();
        session.RequestUrls.ShouldNotContain(url => url.Contains(secret, StringComparison.Ordinal) || url.Contains(
            ServerProcess.AdminKey,
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_shows_balance_and_usage_chart_and_no_key_admin_when_the_key_is_not_admin()
    {
        var token = TestContext.Current.CancellationToken;
        var (_, key) = await fixture.Api.CreateKeyAsync("viewer", "3.00", admin: false, token);
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await session.OpenWithKeyAsync("/dashboard/", key);

        await Expect(page.Locator("#stat-available")).ToHaveTextAsync("$3.00");
        await Expect(page.Locator("#stat-spent")).ToHaveTextAsync("$0.00");
        await Expect(page.Locator("#usage-svg circle[data-kind='credit']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#keys-notice")).ToHaveTextAsync("Managing keys needs an admin key; this key is not one.");
        await Expect(page.Locator("#keys-admin")).ToBeHiddenAsync();

        var seeded = await fixture.SeededAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change key" }).ClickAsync();
        await session.EnterKeyAsync(seeded.Key);
        await Expect(page.Locator("#stat-spent")).ToHaveTextAsync("$0.80");
        await Expect(page.Locator("#stat-videos")).ToHaveTextAsync("1");
        await Expect(page.Locator("#usage-svg circle[data-kind='charge']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#usage-svg")).ToHaveAttributeAsync(
            "aria-label",
            new System.Text.RegularExpressions.Regex("^Spent \\$0\\.80 on 1 video"));
        session.PageErrors.ShouldBeEmpty();
    }
}
