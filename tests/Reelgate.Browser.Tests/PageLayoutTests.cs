using Reelgate.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reelgate.Browser.Tests;

/// <summary>
/// Every page at a laptop and a phone size: it loads its data, fits the screen's width (no sideways scrolling),
/// throws no script error, asks no host but this server, and leaves a screenshot in artifacts/screenshots/.
/// </summary>
public sealed class PageLayoutTests(BrowserFixture fixture)
{
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "playground", "history", "dashboard", "pricing", "models" })
        {
            data.Add(page, Viewport.Desktop.Name);
            data.Add(page, Viewport.Phone.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_fits_the_screen_and_uses_only_this_server_when_shown_at_size(string name, string size)
    {
        var seeded = await fixture.SeededAsync();
        var viewport = Viewport.Named(size);
        await using var session = await BrowserSession.OpenAsync(fixture, viewport);
        var page = session.Page;
        var (path, ready) = name switch
        {
            "playground" => ("/", "#generation-form[data-ready='true']"),
            "history" => ("/history/", $"li[data-job-id='{seeded.JobId}'] img"),
            "dashboard" => ("/dashboard/", "#usage-svg"),
            "pricing" => ("/pricing/", "#rate-cards[data-loaded='true']"),
            _ => ("/models/", "#model-cards[data-loaded='true']"),
        };
        await session.RememberKeyAsync(seeded.Key);
        await page.GotoAsync(path);
        await Expect(page.Locator(ready)).ToBeVisibleAsync();
        if (name == "playground")
        {
            await Expect(page.Locator("#price")).ToHaveTextAsync("$1.50");
        }
        else if (name == "history")
        {
            await Expect(page.Locator(ready)).ToHaveJSPropertyAsync("complete", true);
        }
        else if (name == "dashboard")
        {
            await Expect(page.Locator("#keys-table tbody tr").First).ToBeVisibleAsync();
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{name} scrolls sideways at {viewport.Width} px");
        await Screenshots.SaveAsync(page, $"{name}-{viewport.Name}");
        session.PageErrors.ShouldBeEmpty();
        session.ForeignRequests.ShouldBeEmpty();
        session.RequestUrls.ShouldNotContain(url => url.Contains(seeded.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Key_bar_and_form_controls_are_reachable_by_tab_in_page_order_when_the_playground_opens()
    {
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await page.GotoAsync("/");
        await Expect(page.Locator("#generation-form[data-ready='true']")).ToBeAttachedAsync();

        // Skip link first, then the navigation, the key field, and on into the form down to Generate.
        var reached = new List<string>();
        for (var i = 0; i < 40 && !reached.Contains("generate"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(
                await page.EvaluateAsync<string>(
                    "() => document.activeElement.id || document.activeElement.getAttribute('name') || " +
                        "document.activeElement.textContent.trim()"));
        }

        reached[0].ShouldBe("Skip to content");
        reached.ShouldContain("api-key-input");
        reached.ShouldContain("field-prompt");
        reached.ShouldContain("generate");
        reached.IndexOf("api-key-input").ShouldBeLessThan(reached.IndexOf("field-prompt"));
        reached.IndexOf("field-prompt").ShouldBeLessThan(reached.IndexOf("generate"));
        session.PageErrors.ShouldBeEmpty();
    }
}
