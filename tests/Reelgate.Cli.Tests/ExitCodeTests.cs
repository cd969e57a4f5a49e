using Reelgate.Cli.Tests.Infrastructure;

namespace Reelgate.Cli.Tests;

/// <summary>Bad input and refusals: exit codes scripts can branch on, and exactly one clear line on stderr.</summary>
public sealed class ExitCodeTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    public static TheoryData<string[], string> BadOptions() => new()
    {
        { ["generate", "x", "--resolution", "999p"], "--resolution" },
        { ["generate", "x", "--duration", "7s"], "--duration" },
        { ["generate", "x", "--seed", "-1"], "--seed" },
        { ["generate", "x", "--seed", "many"], "--seed" },
        { ["generate", "x", "--style", "watercolour"], "--style" },
        { ["generate", "x", "--metadata", "novalue"], "--metadata" },
        { ["generate", "x", "--timeout", "0"], "--timeout" },
        { ["generate"], "prompt" },
        { ["generate", "x", "--image", "/no/such/file.png"], "--image" },
        { ["generate", "   "], "prompt" },
        { ["jobs", "show"], "show" },
        { ["jobs", "list", "--limit", "0"], "--limit" },
        { ["keys", "top-up", "key_x", "1.2345678"], "amount" },
        { ["render", "x"], "render" },
        { [], "command" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Command_exits_2_with_one_clear_line_when_options_are_bad(string[] args, string named)
    {
        var run = await fixture.Cli().RunAsync(args);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Output.ShouldBeEmpty();
        run.ErrorLines.Count.ShouldBe(1, run.ToString());
        run.ErrorLines[0].ShouldStartWith("reelgate: error: ");
        run.ErrorLines[0].ShouldContain(named);
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Generate_exits_2_naming_the_param_when_the_server_refuses_the_combination()
    {
        var run = await fixture.Cli(await fixture.NewKeyAsync()).RunAsync("generate", "x", "--resolution", "1080p", "--duration", "10s");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("param duration");
    }

    [Fact]
    public async Task Balance_exits_3_when_the_key_is_wrong()
    {
        var run = await fixture.Cli("rg_wrong").RunAsync("balance");

        run.ExitCode.ShouldBe(3, run.ToString());
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("401");
    }

    [Fact]
    public async Task Keys_list_exits_3_when_the_key_is_not_an_admin()
    {
        var run = await fixture.Cli(await fixture.NewKeyAsync()).RunAsync("keys", "list");

        run.ExitCode.ShouldBe(3, run.ToString());
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("403");
    }

    [Fact]
    public async Task Jobs_show_exits_4_when_the_job_does_not_exist()
    {
        var run = await fixture.Cli().RunAsync("jobs", "show", "job_01m00000000000000000000000");

        run.ExitCode.ShouldBe(4, run.ToString());
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("job_not_found");
    }

    [Fact]
    public async Task Generate_exits_5_when_the_balance_cannot_cover_the_price()
    {
        var run = await fixture.Cli(await fixture.NewKeyAsync(credits: 0.10m)).RunAsync("generate", "x", "-r", "360p", "--no-audio");

        run.ExitCode.ShouldBe(5, run.ToString());
        run.ErrorLines[^1].ShouldContain("insufficient_credits");
    }

    [Fact]
    public async Task Balance_exits_7_when_the_server_cannot_be_reached()
    {
        var run = await new CliProcess(new Uri("http://127.0.0.1:9"), "rg_x", fixture.Files.Path).RunAsync("balance");

        run.ExitCode.ShouldBe(7, run.ToString());
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("could not reach");
    }

    [Fact]
    public async Task Jobs_cancel_exits_8_when_the_job_is_already_cancelled_and_jobs_wait_exits_9_on_timeout()
    {
        var cli = fixture.Cli(await fixture.NewKeyAsync());
        var id =
            (await cli.RunAsync("generate", "x", "-r", "360p", "--no-audio", "--metadata", "reelgate_simulate=stall", "--no-wait")).Output
                .Trim();

        var timedOut = await cli.RunAsync("jobs", "wait", id, "--timeout", "0.5");
        var cancelled = await cli.RunAsync("jobs", "cancel", id);
        var again = await cli.RunAsync("jobs", "cancel", id);
        var waitCancelled = await cli.RunAsync("jobs", "wait", id);

        timedOut.ExitCode.ShouldBe(9, timedOut.ToString());
        timedOut.ErrorLines.ShouldHaveSingleItem().ShouldContain("wait_timeout");
        cancelled.ExitCode.ShouldBe(0, cancelled.ToString());
        cancelled.Output.ShouldContain("Cancelled " + id);
        again.ExitCode.ShouldBe(8, again.ToString());
        again.ErrorLines.ShouldHaveSingleItem().ShouldContain("job_not_cancellable");
        waitCancelled.ExitCode.ShouldBe(1, waitCancelled.ToString());
    }
}
