using System.Net;
using System.Text.Json;
using Reelgate.Cli.Tests.Infrastructure;

namespace Reelgate.Cli.Tests;

/// <summary>
/// reelgate signing-keys against the built server: a new key signs from then on, the old key's links keep working,
/// retiring it early is refused unless forced, and afterwards its links answer 403 signing_key_retired.
/// </summary>
public sealed class SigningKeysCommandTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task Add_list_and_retire_rotate_the_key_that_signs_output_urls()
    {
        var ct = TestContext.Current.CancellationToken;
        var cli = fixture.Cli();
        var generated = await cli.RunAsync("generate", "a boat at sea", "-r", "360p", "--no-audio", "--json");
        generated.ExitCode.ShouldBe(0, generated.ToString());
        using var job = JsonDocument.Parse(generated.Output);
        var oldUrl = new Uri(
            job.RootElement.GetProperty("job").GetProperty("result").GetProperty("outputs")[0].GetProperty("url").GetString()!);
        oldUrl.Query.ShouldContain("kid=k1");

        var added = await cli.RunAsync("signing-keys", "add");
        var listed = await cli.RunAsync("signing-keys", "list", "--json");
        var table = await cli.RunAsync("signing-keys", "list");
        var early = await cli.RunAsync("signing-keys", "retire", "k1");
        using var anonymous = new HttpClient();
        using (var stillWorks = await anonymous.GetAsync(oldUrl, ct))
        {
            stillWorks.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var forced = await cli.RunAsync("signing-keys", "retire", "k1", "--force");
        using var refused = await anonymous.GetAsync(oldUrl, ct);

        added.ExitCode.ShouldBe(0, added.ToString());
        added.Output.Trim().ShouldBe("k2");
        using var keys = JsonDocument.Parse(listed.Output);
        keys.RootElement.EnumerateArray().Select(k => (k.GetProperty("id").GetString(), k.GetProperty("status").GetString())).ShouldBe([
            ("k1", "active"),
            ("k2", "primary")]);
        listed.Output.ShouldNotContain("secret");
        table.Output.ShouldContain("k1  active retirable at ");
        early.ExitCode.ShouldBe(8, early.ToString());
        early.Error.ShouldContain("force");
        forced.ExitCode.ShouldBe(0, forced.ToString());
        forced.Output.ShouldStartWith("Retired k1 at ");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var envelope = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct));
        envelope.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("signing_key_retired");
    }
}
