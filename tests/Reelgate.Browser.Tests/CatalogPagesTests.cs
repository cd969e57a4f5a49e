using Microsoft.Playwright;
using Reelgate.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reelgate.Browser.Tests;

/// <summary>The pricing and model pages say exactly what GET /v1/pricing and GET /v1/models say; no key needed.</summary>
public sealed class CatalogPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Pricing_page_shows_every_rate_card_cell_when_opened_without_a_key()
    {
        var token = TestContext.Current.CancellationToken;
        var pricing = await fixture.Api.GetJsonAsync("/v1/pricing", null, token);
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await page.GotoAsync("/pricing/");

        var card = pricing["data"]![0]!;
        var model = card["model"]!.GetValue<string>();
        var table = page.Locator($"#rates-{model}");
        var rows = card["rows"]!.AsArray();
        rows.Count.ShouldBe(16);
        foreach (var row in rows)
        {
            var cell = table.Locator(
                $"td[data-tier='{row!["tier"]}'][data-duration='{row["duration"]}']" +
                    $"[data-audio='{(row["audio"]!.GetValue<bool>() ? "true" : "false")}']");
            await Expect(cell).ToHaveTextAsync("$" + row["amount"]!.GetValue<string>());
        }

        await Expect(table.Locator("td[data-tier='1080p'][data-duration='10s']")).ToHaveTextAsync(["—", "—"]);
        await Expect(page.Locator($"#defaults-{model}")).ToContainTextAsync("The defaults (1080p, 5s, audio on) cost $1.50.");
        session.PageErrors.ShouldBeEmpty();
        session.ForeignRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Models_page_shows_specs_parameters_and_rules_when_opened_without_a_key()
    {
        var token = TestContext.Current.CancellationToken;
        var model = await fixture.Api.GetJsonAsync("/v1/models/pixverse-v5-6", null, token);
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await page.GotoAsync("/models/");

        var section = page.Locator("section#pixverse-v5-6");
        await Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Pixverse v5.6" })).ToBeVisibleAsync();
        await Expect(section).ToContainTextAsync("POST /v1/videos/generations");
        await Expect(section).ToContainTextAsync("PixVerse");
        foreach (var parameter in model["parameters"]!.AsArray())
        {
            var name = parameter!["name"]!.GetValue<string>();
            var defaultValue = parameter["required"]!.GetValue<bool>() ? "required" : parameter["default"]?.ToString() ?? "—";
            var row = section.Locator($"tr[data-parameter='{name}']");
            await Expect(row.Locator(".param-default")).ToHaveTextAsync(defaultValue == "True" ? "true" : defaultValue);
            await Expect(row).ToContainTextAsync(parameter["description"]!.GetValue<string>());
        }

        await Expect(section.Locator("tr[data-parameter='resolution']")).ToContainTextAsync("360p, 540p, 720p, 1080p");
        await Expect(section.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "When resolution is 1080p" }))
            .ToHaveTextAsync("When resolution is 1080p, duration may only be 5s or 8s.");
        session.PageErrors.ShouldBeEmpty();
        session.ForeignRequests.ShouldBeEmpty();
    }
}
