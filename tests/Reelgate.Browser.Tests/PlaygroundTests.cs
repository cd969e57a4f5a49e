using System.Globalization;
using Microsoft.Playwright;
using Reelgate.Browser.Tests.Infrastructure;
using Reelgate.Testing;
using static Microsoft.Playwright.Assertions;

namespace Reelgate.Browser.Tests;

/// <summary>The whole playground flow a person follows: key, settings, price, generate, progress, play, download, history,
/// balance.</summary>
public sealed class PlaygroundTests(BrowserFixture fixture)
{
    private const string Prompt = "a red fox running through a snowy forest at dawn";

    /// <summary>Records every value the progress bar shows, from the page's side, before Generate is pressed.</summary>
    private const string WatchProgress = """
        () => {
          window.progressSeen = [];
          const bar = document.querySelector('#progress');
          new MutationObserver(() => window.progressSeen.push(Number(bar.value)))
            .observe(bar, { attributes: true, attributeFilter: ['value'] });
        }
        """;

    [Fact]
    public async Task Playground_generates_plays_downloads_and_charges_the_rate_card_price_when_360p_submitted()
    {
        var token = TestContext.Current.CancellationToken;
        var (_, key) = await fixture.Api.CreateKeyAsync("playground", "5.00", admin: false, token);
        var price = await fixture.Api.RateCardPriceAsync("360p", "5s", audio: true, token);
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;

        await session.OpenWithKeyAsync("/", key);
        await Expect(page.Locator("#balance")).ToHaveTextAsync("$5.00 available");
        await page.ReloadAsync();
        await Expect(page.Locator("#key-masked")).ToBeVisibleAsync();

        await page.GetByLabel("Prompt", new() { Exact = true }).FillAsync(Prompt);
        await page.GetByRole(AriaRole.Radio, new() { Name = "360p", Exact = true }).CheckAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Audio" })).ToBeCheckedAsync();
        await Expect(page.Locator("#price")).ToHaveTextAsync("$" + price.ToString("0.00", CultureInfo.InvariantCulture));

        await page.EvaluateAsync(WatchProgress);
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();
        var video = page.Locator("#result-video");
        await Expect(video).ToBeVisibleAsync(new() { Timeout = (float)ApiCalls.JobDeadline.TotalMilliseconds });
        await Expect(page.Locator("#job-status")).ToHaveTextAsync("completed");
        var jobId = await page.Locator("#job-id").InnerTextAsync();

        var seen = await page.EvaluateAsync<int[]>("() => window.progressSeen");
        seen.ShouldContain(v => v > 0 && v < 100, "the bar showed no value between 0 and 100: " + string.Join(",", seen));
        seen.ShouldBe(seen.Order().ToArray(), "the bar went backwards");
        seen[^1].ShouldBe(100);

        // The video plays in the page: time advances, with its poster and real frames.
        (await video.GetAttributeAsync("poster")).ShouldNotBeNullOrEmpty();
        await page.WaitForFunctionAsync(
            "() => { const v = document.querySelector('#result-video'); " +
                "return v.currentTime > 0.5 && !v.paused && v.videoWidth === 640; }");
        await Screenshots.SaveAsync(page, "playground-result-" + Viewport.Desktop.Name);

        using var folder = new TempDirectory("download");
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Download MP4" }).ClickAsync());
        download.SuggestedFilename.ShouldBe(jobId + ".mp4");
        var file = folder.File("video.mp4");
        await download.SaveAsAsync(file);
        var probed = await FfprobeReader.ProbeAsync(file, token);
        (probed.Video!.Width, probed.Video.Height).ShouldBe((640, 360));
        probed.Video.CodecName.ShouldBe("h264");
        probed.Audio!.CodecName.ShouldBe("aac");

        // The balance fell by the rate card's price, in the header and in the API.
        var expected = (5.00m - price).ToString("0.00", CultureInfo.InvariantCulture);
        await Expect(page.Locator("#balance")).ToHaveTextAsync($"${expected} available");
        (await fixture.Api.AvailableAsync(key, token)).ShouldBe(5.00m - price);

        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var card = page.Locator($"li[data-job-id='{jobId}']");
        await Expect(card).ToContainTextAsync(Prompt);
        await Expect(card.Locator(".badge")).ToHaveTextAsync("completed");
        await Expect(card.Locator(".job-price")).ToHaveTextAsync($"${price.ToString("0.00", CultureInfo.InvariantCulture)} charged");
        await Expect(card.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        (await card.Locator("img").EvaluateAsync<int>("img => img.naturalWidth")).ShouldBe(640);

        session.RequestUrls.ShouldNotContain(url => url.Contains(key, StringComparison.Ordinal));
        session.PageErrors.ShouldBeEmpty();
        session.ForeignRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Duration_10s_is_disabled_and_replaced_when_1080p_selected()
    {
        var token = TestContext.Current.CancellationToken;
        var (_, key) = await fixture.Api.CreateKeyAsync("rules", "1.00", admin: false, token);
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await session.OpenWithKeyAsync("/", key);
        await page.GetByLabel("Prompt", new() { Exact = true }).FillAsync("a quiet harbour at night");

        var tenSeconds = page.GetByRole(AriaRole.Radio, new() { Name = "10s", Exact = true });
        await Expect(tenSeconds).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "720p", Exact = true }).CheckAsync();
        await Expect(tenSeconds).ToBeEnabledAsync();
        await tenSeconds.CheckAsync();
        await Expect(page.Locator("#price")).ToHaveTextAsync("$2.86");

        // Back to 1080p by keyboard: 10s goes disabled and the duration moves to the nearest allowed value.
        await page.GetByRole(AriaRole.Radio, new() { Name = "720p", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "1080p", Exact = true })).ToBeCheckedAsync();
        await Expect(tenSeconds).ToBeDisabledAsync();
        await Expect(tenSeconds).Not.ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "8s", Exact = true })).ToBeCheckedAsync();
        await Expect(page.Locator("#note-duration")).ToContainTextAsync("10s is not available at 1080p");
        await Expect(page.Locator("#price")).ToHaveTextAsync("$3.00");

        // Arrow keys skip the disabled option, and the code the page would send never says 10s.
        await page.GetByRole(AriaRole.Radio, new() { Name = "8s", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(tenSeconds).Not.ToBeCheckedAsync();
        await page.GetByText("Show code").ClickAsync();
        await Expect(page.Locator("#code-curl")).ToContainTextAsync("\"resolution\": \"1080p\"");
        await Expect(page.Locator("#code-curl")).Not.ToContainTextAsync("10s");
        session.PageErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Image_url_shows_the_server_message_next_to_the_field_when_the_address_is_loopback()
    {
        var token = TestContext.Current.CancellationToken;
        var (_, key) = await fixture.Api.CreateKeyAsync("bad-image", "5.00", admin: false, token);
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await session.OpenWithKeyAsync("/", key);

        await page.GetByLabel("Prompt", new() { Exact = true }).FillAsync("the photo comes alive");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Image to video (i2v)" }).CheckAsync();
        var image = page.GetByLabel("Image", new() { Exact = true });
        await image.FillAsync("http://127.0.0.1/x.png");
        // A moment after typing the page tries a preview; the browser cannot load it and says so.
        await Expect(page.Locator("#status-image")).ToContainTextAsync("No preview");
        await Expect(page.Locator("#preview-image")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();

        var error = page.Locator("#error-image");
        await Expect(error).ToContainTextAsync("loopback address");
        await Expect(error).ToContainTextAsync("image_url_refused");
        await Expect(image).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(image).ToBeFocusedAsync();
        await Expect(page.Locator("#submit-error")).ToContainTextAsync("Not submitted");
        await Screenshots.SaveAsync(page, "playground-image-error-" + Viewport.Desktop.Name);

        (await fixture.Api.AvailableAsync(key, token)).ShouldBe(5.00m);
        (await fixture.Api.GetJsonAsync("/v1/jobs", key, token))["data"]!.AsArray().ShouldBeEmpty();
        session.PageErrors.ShouldBeEmpty();
    }
}
