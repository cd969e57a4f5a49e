using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Playwright;
using Reelgate.Browser.Tests.Infrastructure;
using Reelgate.Testing;
using static Microsoft.Playwright.Assertions;

namespace Reelgate.Browser.Tests;

/// <summary>The playground's inputs and outputs besides generating: an uploaded image, and the code it shows.</summary>
public sealed partial class PlaygroundInputsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Upload_fills_the_image_field_and_shows_a_preview_when_a_file_is_picked()
    {
        var token = TestContext.Current.CancellationToken;
        var (_, key) = await fixture.Api.CreateKeyAsync("upload", "5.00", admin: false, token);
        using var folder = new TempDirectory("upload");
        var png = folder.File("orange.png");
        await Cli.Wrap("ffmpeg").WithArguments(["-v", "error", "-f", "lavfi", "-i", "color=c=orange:s=480x320", "-frames:v", "1", png]).ExecuteAsync(token);
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await session.OpenWithKeyAsync("/", key);

        await page.GetByLabel("Prompt", new() { Exact = true }).FillAsync("the orange card flutters in the wind");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Image to video (i2v)" }).CheckAsync();
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Upload a file…" }).First.ClickAsync());
        await chooser.SetFilesAsync(png);

        await Expect(page.GetByLabel("Image", new() { Exact = true })).ToHaveValueAsync(UploadId());
        await Expect(page.Locator("#status-image")).ToContainTextAsync("Uploaded orange.png: 480×320");
        var preview = page.Locator("#preview-image");
        await Expect(preview).ToBeVisibleAsync();
        await Expect(preview).ToHaveJSPropertyAsync("naturalWidth", 480);
        await Expect(page.Locator("#price")).ToHaveTextAsync("$1.50");
        await Expect(page.Locator("#price-note")).ToBeEmptyAsync();
        session.PageErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Shown_curl_submits_exactly_the_form_settings_when_run_in_a_shell()
    {
        var token = TestContext.Current.CancellationToken;
        var (_, key) = await fixture.Api.CreateKeyAsync("show-code", "5.00", admin: false, token);
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await session.OpenWithKeyAsync("/", key);

        const string prompt = "the fox's den at dusk, \"quiet\"";
        await page.GetByLabel("Prompt", new() { Exact = true }).FillAsync(prompt);
        await page.GetByRole(AriaRole.Radio, new() { Name = "540p", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Audio" }).UncheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "clay", Exact = true }).CheckAsync();
        await page.GetByText("More options").ClickAsync();
        await page.GetByLabel("Seed").FillAsync("42");
        await Expect(page.Locator("#price")).ToHaveTextAsync("$0.40");
        await page.GetByText("Show code").ClickAsync();
        await Expect(page.Locator("#code-curl")).ToContainTextAsync("\"seed\": 42");

        var curl = await page.Locator("#code-curl").InnerTextAsync();
        curl.ShouldContain(fixture.Server.BaseAddress.ToString().TrimEnd('/') + "/v1/videos/generations");
        curl.ShouldNotContain(key);
        var submit = curl[..curl.IndexOf("# Poll", StringComparison.Ordinal)];
        var run = await Cli.Wrap("bash").WithArguments(["-c", submit])
            .WithEnvironmentVariables(e => e.Set("EMPIRIOLABS_API_KEY", key))
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(token);
        run.ExitCode.ShouldBe(0, run.StandardError);
        var job = JsonNode.Parse(run.StandardOutput)!.AsObject();
        var jobId = job["job_id"]?.GetValue<string>() ?? throw new ShouldAssertException("no job: " + run.StandardOutput);
        await fixture.Api.CancelAsync(key, jobId, token);
        var request = job["request"]!;
        request["prompt"]!.GetValue<string>().ShouldBe(prompt);
        request["resolution"]!.GetValue<string>().ShouldBe("540p");
        request["audio"]!.GetValue<bool>().ShouldBeFalse();
        request["style"]!.GetValue<string>().ShouldBe("clay");
        request["seed"]!.GetValue<int>().ShouldBe(42);
        job["cost"]!["amount"]!.GetValue<string>().ShouldBe("0.40");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Python" }).ClickAsync();
        var python = await page.Locator("#code-python").InnerTextAsync();
        python.ShouldContain("\"seed\": 42,");
        python.ShouldContain("\"audio\": False,");
        python.ShouldContain("if status.get(\"status\") in (\"completed\", \"failed\"):");
        var parsed = await Cli.Wrap("python3").WithArguments(["-c", "import ast, sys; ast.parse(sys.stdin.read())"])
            .WithStandardInputPipe(PipeSource.FromString(python)).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(token);
        parsed.ExitCode.ShouldBe(0, parsed.StandardError);
        session.PageErrors.ShouldBeEmpty();
    }

    [GeneratedRegex("^upl_")]
    private static partial Regex UploadId();
}
