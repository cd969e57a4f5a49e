using System.Text.Json;
using Reelgate.Cli.Tests.Infrastructure;
using Reelgate.Testing;

namespace Reelgate.Cli.Tests;

/// <summary>--json on every command prints one JSON document a script can parse, and nothing else on stdout.</summary>
public sealed class JsonOutputTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task Price_json_prints_the_rate_card_and_a_quote()
    {
        var cli = fixture.Cli(key: null);

        var card = Parse(await cli.RunAsync("price", "--json"));
        var quote = Parse(await cli.RunAsync("price", "--resolution", "720p", "--duration", "8s", "--json"));

        card.RootElement[0].GetProperty("model").GetString().ShouldBe("pixverse-v5-6");
        quote.RootElement.GetProperty("amount").GetString().ShouldBe("2.60");
    }

    [Fact]
    public async Task Balance_jobs_and_upload_json_parse_for_a_user_key()
    {
        var ct = TestContext.Current.CancellationToken;
        var cli = fixture.Cli(await fixture.NewKeyAsync(credits: 5m));
        var png = fixture.Files.File("json-upload.png");
        await TestMedia.WriteStillAsync(png, "testsrc2=size=320x240", ct);

        var id = await SubmitStalledAsync(cli);
        var balance = Parse(await cli.RunAsync("balance", "--json"));
        var list = Parse(await cli.RunAsync("jobs", "list", "--json"));
        var show = Parse(await cli.RunAsync("jobs", "show", id, "--json"));
        var cancel = Parse(await cli.RunAsync("jobs", "cancel", id, "--json"));
        var upload = Parse(await cli.RunAsync("upload", png, "--json"));

        balance.RootElement.GetProperty("held").GetString().ShouldBe("0.40");
        list.RootElement.EnumerateArray().Select(j => j.GetProperty("job_id").GetString()).ShouldBe([id]);
        show.RootElement.GetProperty("job_id").GetString().ShouldBe(id);
        cancel.RootElement.GetProperty("status").GetString().ShouldBe("cancelled");
        upload.RootElement.GetProperty("id").GetString()!.ShouldStartWith("upl_");
        upload.RootElement.GetProperty("original_width").GetInt32().ShouldBe(320);
    }

    [Fact]
    public async Task Keys_json_parse_through_create_list_top_up_and_revoke()
    {
        var cli = fixture.Cli();

        var created = Parse(await cli.RunAsync("keys", "create", "json team", "--credits", "2.50", "--jobs-in-flight", "3", "--json"));
        var id = created.RootElement.GetProperty("id").GetString()!;
        var listed = Parse(await cli.RunAsync("keys", "list", "--json"));
        var topped = Parse(await cli.RunAsync("keys", "top-up", id, "1.25", "--json"));
        var revoked = Parse(await cli.RunAsync("keys", "revoke", id, "--json"));

        created.RootElement.GetProperty("key").GetString()!.ShouldStartWith("rg_");
        created.RootElement.GetProperty("limits").GetProperty("jobs_in_flight").GetInt32().ShouldBe(3);
        listed.RootElement.EnumerateArray().ShouldContain(k => k.GetProperty("id").GetString() == id);
        topped.RootElement.GetProperty("available").GetString().ShouldBe("3.75");
        revoked.RootElement.GetProperty("revoked_at").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task Keys_create_prints_the_secret_alone_on_stdout_without_json()
    {
        var run = await fixture.Cli().RunAsync("keys", "create", "plain");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.Trim().ShouldMatch("^rg_[A-Za-z0-9]+$");
        run.Error.ShouldContain("shown only once");
    }

    [Fact]
    public async Task Balance_takes_EMPIRIOLABS_API_KEY_when_REELGATE_API_KEY_is_absent_and_the_flag_beats_both()
    {
        var key = await fixture.NewKeyAsync(credits: 1.5m);
        var onlyHosted =
            new CliProcess(fixture.Server.BaseAddress, null, fixture.Files.Path) { Variables = new Dictionary<string, string?> { [
                "EMPIRIOLABS_API_KEY"] = key } };
        var wrongEnvironment =
            new CliProcess(fixture.Server.BaseAddress, "rg_wrong", fixture.Files.Path) { Variables = new Dictionary<string, string?> { [
                "EMPIRIOLABS_API_KEY"] = "rg_wrong_too" } };

        var fromHosted = Parse(await onlyHosted.RunAsync("balance", "--json"));
        var fromFlag = Parse(await wrongEnvironment.RunAsync("balance", "--json", "--api-key", key));
        var fromBadEnvironment = await wrongEnvironment.RunAsync("balance");

        fromHosted.RootElement.GetProperty("available").GetString().ShouldBe("1.50");
        fromFlag.RootElement.GetProperty("available").GetString().ShouldBe("1.50");
        fromBadEnvironment.ExitCode.ShouldBe(3);
    }

    [Fact]
    public async Task Models_and_usage_show_the_catalog_and_the_keys_ledger_as_json_and_as_tables()
    {
        var cli = fixture.Cli(await fixture.NewKeyAsync(credits: 5m));
        var id = await SubmitStalledAsync(cli);
        Parse(await cli.RunAsync("jobs", "cancel", id, "--json"));

        var models = Parse(await cli.RunAsync("models", "--json"));
        var card = Parse(await cli.RunAsync("models", "pixverse-v5-6", "--json"));
        var usage = Parse(await cli.RunAsync("usage", "--json"));
        var lastTwo = Parse(await cli.RunAsync("usage", "--limit", "2", "--json"));
        var modelsTable = await cli.RunAsync("models");
        var usageTable = await cli.RunAsync("usage");
        var unknown = await cli.RunAsync("models", "no-such-model");

        models.RootElement.EnumerateArray().Select(m => m.GetProperty("id").GetString()).ShouldContain("pixverse-v5-6");
        card.RootElement.GetProperty("id").GetString().ShouldBe("pixverse-v5-6");
        card.RootElement.GetProperty("parameters").GetArrayLength().ShouldBeGreaterThan(5);
        usage.RootElement.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["release", "hold", "credit"]);
        usage.RootElement[0].GetProperty("job_id").GetString().ShouldBe(id);
        usage.RootElement[0].GetProperty("available_after").GetString().ShouldBe("5.00");
        lastTwo.RootElement.GetArrayLength().ShouldBe(2);
        modelsTable.ExitCode.ShouldBe(0, modelsTable.ToString());
        modelsTable.Output.ShouldContain("pixverse-v5-6");
        modelsTable.Output.ShouldContain("1080p");
        usageTable.ExitCode.ShouldBe(0, usageTable.ToString());
        usageTable.Output.ShouldContain("release");
        usageTable.Output.ShouldContain(id);
        unknown.ExitCode.ShouldNotBe(0, unknown.ToString());
        unknown.Error.ShouldContain("no-such-model");
    }

    /// <summary>Starts a job the simulation stalls, without waiting for it (--no-wait --json); returns its id.</summary>
    private static async Task<string> SubmitStalledAsync(CliProcess cli)
    {
        var submitted = Parse(await cli.RunAsync(
            "generate",
            "x",
            "-r",
            "360p",
            "--no-audio",
            "--metadata",
            "reelgate_simulate=stall",
            "--no-wait",
            "--json"));
        return submitted.RootElement.GetProperty("job").GetProperty("job_id").GetString()!;
    }

    private static JsonDocument Parse(CliResult run)
    {
        run.ExitCode.ShouldBe(0, run.ToString());
        return JsonDocument.Parse(run.Output);
    }
}
