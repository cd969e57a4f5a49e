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
        await Cli.Wrap("ffmpeg").WithArguments(["-v", "error", "-f", "lavfi", "-i", "color=c=orange:s=480x320", "-frames:v", "1", png])
            .ExecuteAsync(token);
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await session.OpenWithKeyAsync("/", key);

        await page.GetByLabel("Prompt", new() { Exact = true }).FillAsync("the orange card flutters in the wind");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Image to video (i2v)" }).CheckAsync();
        var chooser = await page.RunAndWaitForFileChooserAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Upload a file…" }).First.ClickAsync());
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

    [Fact]
    public async Task Shown_openai_sdk_code_creates_exactly_the_form_settings_when_run_with_node()
    {
        var token = TestContext.Current.CancellationToken;
        var (_, key) = await fixture.Api.CreateKeyAsync("show-openai", "5.00", admin: false, token);
        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        await session.OpenWithKeyAsync("/", key);

        await page.GetByLabel("Prompt", new() { Exact = true }).FillAsync("a kite over the dunes");
        await page.GetByRole(AriaRole.Radio, new() { Name = "720p", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "9:16", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "8s", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Audio" }).UncheckAsync();
        await page.GetByText("Show code").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "OpenAI SDK" }).ClickAsync();
        var code = page.Locator("#code-openai");
        await Expect(code).ToBeVisibleAsync();
        await Expect(code).ToContainTextAsync("\"size\": \"720x1280\"");

        var snippet = await code.InnerTextAsync();
        snippet.ShouldContain(fixture.Server.BaseAddress.ToString().TrimEnd('/') + "/v1");
        snippet.ShouldContain("\"seconds\": \"8\"");
        snippet.ShouldNotContain(key);
        // Run the create call as shown (node resolves "openai" from tools/, where the test suite installs it), then print the video.
        var create = snippet[..snippet.IndexOf("// Generation runs", StringComparison.Ordinal)] + "console.log(JSON.stringify(video));\n";
        var run = await Cli.Wrap("node").WithArguments(["--input-type=module"])
            .WithWorkingDirectory(Path.Combine(RepositoryPaths.Root, "tools"))
            .WithEnvironmentVariables(e => e.Set("EMPIRIOLABS_API_KEY", key))
            .WithStandardInputPipe(PipeSource.FromString(create))
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(token);
        run.ExitCode.ShouldBe(0, run.StandardError);
        var video = JsonNode.Parse(run.StandardOutput)!.AsObject();
        var id = video["id"]?.GetValue<string>() ?? throw new ShouldAssertException("no video: " + run.StandardOutput);
        await fixture.Api.CancelAsync(key, id, token);
        video["size"]!.GetValue<string>().ShouldBe("720x1280");
        video["seconds"]!.GetValue<string>().ShouldBe("8");
        var job = await fixture.Api.GetJsonAsync($"/v1/jobs/{id}", key, token);
        job["request"]!["audio"]!.GetValue<bool>().ShouldBeFalse();
        job["request"]!["prompt"]!.GetValue<string>().ShouldBe("a kite over the dunes");
        job["cost"]!["amount"]!.GetValue<string>().ShouldBe("1.30");
        session.PageErrors.ShouldBeEmpty();
    }

    [GeneratedRegex("^upl_")]
    private static partial Regex UploadId();
}
