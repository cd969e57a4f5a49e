using System.Globalization;
using System.Text.RegularExpressions;
using Reelgate.Cli.Tests.Infrastructure;
using Reelgate.Client;
using Reelgate.Client.Models;

namespace Reelgate.Cli.Tests;

/// <summary>
/// Every table at 80 columns, piped and in a pseudo-terminal: no line is wider than the terminal and no id is cut,
/// so an id can be copied from a listing into jobs show/wait/download/cancel or keys revoke.
/// </summary>
public sealed partial class TableWidthTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    private const int Columns = 80;

    [Fact]
    public async Task Tables_keep_every_id_whole_within_80_columns_when_piped_or_in_a_terminal()
    {
        var token = TestContext.Current.CancellationToken;
        var secret = await fixture.NewKeyAsync(50m);
        using var client = new ReelgateClient(new ReelgateClientOptions { BaseAddress = fixture.Server.BaseAddress, ApiKey = secret });
        var jobIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var job = await client.GenerateAsync(new GenerationRequest
            {
                Prompt = $"a very long prompt number {i} about a lighthouse on a cliff above a stormy sea at night, with gulls and rain",
                Resolution = Resolution.P360,
                Audio = false,
            }, cancellationToken: token);
            jobIds.Add(job.JobId);
        }

        using var admin = new ReelgateClient(new ReelgateClientOptions
        {
            BaseAddress = fixture.Server.BaseAddress,
            ApiKey = Testing.ServerProcess.AdminKey,
        });
        var keyIds = (await admin.ListKeysAsync(token)).Select(k => k.Id).ToList();

        var tables = new (string[] Args, string? Key, IReadOnlyList<string> Ids)[]
        {
            (["jobs", "list"], secret, jobIds),
            (["usage"], secret, jobIds),
            (["keys", "list"], Testing.ServerProcess.AdminKey, keyIds),
            (["models"], secret, ["pixverse-v5-6"]),
        };
        foreach (var (args, key, ids) in tables)
        {
            var cli = fixture.Cli(key);
            var piped = await cli.RunAsync(args, token);
            var terminal = await cli.RunInTerminalAsync(args, token, Columns);
            foreach (var (how, result) in new[] { ("piped", piped), ("terminal", terminal) })
            {
                var text = Ansi().Replace(result.Output, "");
                result.ExitCode.ShouldBe(0, $"{string.Join(' ', args)} {how}: {result.Error}");
                var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
                lines.ShouldAllBe(l => new StringInfo(l).LengthInTextElements <= Columns, $"{string.Join(' ', args)} {how}:\n{text}");
                foreach (var id in ids)
                {
                    lines.ShouldContain(
                        l => l.Contains(id, StringComparison.Ordinal),
                        $"{id} cut in {string.Join(' ', args)} {how}:\n{text}");
                }
            }
        }
    }

    [GeneratedRegex(@"\x1b[=>]|\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")]
    private static partial Regex Ansi();
}
