using Microsoft.Playwright;
using Reelgate.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reelgate.Browser.Tests;

/// <summary>History: the key's jobs with status, price and poster; a job opens to play again and to re-run.</summary>
public sealed class HistoryTests(BrowserFixture fixture)
{
    [Fact]
    public async Task History_replays_and_prefills_a_rerun_when_a_job_is_opened_by_keyboard()
    {
        var seeded = await fixture.SeededAsync();
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await session.OpenWithKeyAsync("/history/", seeded.Key);

        var card = page.Locator($"li[data-job-id='{seeded.JobId}']");
        await Expect(card).ToContainTextAsync(SeededKey.Prompt);
        await Expect(card).ToContainTextAsync("360p · 5s · audio");
        await Expect(card.Locator(".job-price")).ToHaveTextAsync("$0.80 charged");
        await Expect(card.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 640);

        await card.GetByRole(AriaRole.Button).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("#job-cost")).ToHaveTextAsync("$0.80 (charged)");
        await page.WaitForFunctionAsync(
            "() => { const v = document.querySelector('dialog #result-video'); return v && v.currentTime > 0.3 && !v.paused; }");
        await Screenshots.SaveAsync(page, "history-replay-" + Viewport.Desktop.Name);
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();

        await card.GetByRole(AriaRole.Button).ClickAsync();
        await dialog.GetByRole(AriaRole.Link, new() { Name = "Re-run in the playground" }).ClickAsync();
        await Expect(page.Locator("#rerun-note")).ToContainTextAsync(seeded.JobId);
        await Expect(page.GetByLabel("Prompt", new() { Exact = true })).ToHaveValueAsync(SeededKey.Prompt);
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "360p", Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Seed")).ToHaveValueAsync(seeded.Job["request"]!["seed"]!.ToString());
        await Expect(page.Locator("#price")).ToHaveTextAsync("$0.80");
        session.PageErrors.ShouldBeEmpty();
        session.ForeignRequests.ShouldBeEmpty();
    }
}
