using Reelgate.Scaling.Tests.Infrastructure;
using static Reelgate.Scaling.Tests.Infrastructure.ClusterApi;

namespace Reelgate.Scaling.Tests;

/// <summary>A node with a wrong scale-out setting stops at start with one line naming the setting.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("REELGATE_ROLE", "gateway", "REELGATE_ROLE")]
    [InlineData("REELGATE_S3_BUCKET", "Not_A_Bucket", "REELGATE_S3_BUCKET")]
    [InlineData("Reelgate__S3__CreateBucket", "false", "REELGATE_S3_BUCKET")]
    [InlineData("REELGATE_S3_URL", "http://127.0.0.1:9", "REELGATE_S3_URL")]
    [InlineData("REELGATE_DATABASE", "Host=127.0.0.1;Port=9;Username=postgres;Database=none;Timeout=3", "REELGATE_DATABASE")]
    [InlineData("REELGATE_DATABASE", "Hots=nowhere", "REELGATE_DATABASE")]
    public async Task Start_stops_with_the_setting_named_when_it_is_wrong(string variable, string value, string named)
    {
        await using var cluster = await Cluster.CreateAsync(Token);
        var node = cluster.AddNode("bad", "both", 1, new Dictionary<string, string> { [variable] = value });

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => node.StartAsync(Token, TimeSpan.FromMinutes(2)));

        node.ExitCode.ShouldBe(1);
        node.Output.ShouldContain(line => line.StartsWith("reelgate: cannot start: ", StringComparison.Ordinal) && line.Contains(
            named,
            StringComparison.Ordinal));
        failure.Message.ShouldContain(named);
    }

    [Fact]
    public async Task Worker_role_refuses_to_start_when_it_has_no_worker_slots()
    {
        await using var cluster = await Cluster.CreateAsync(Token);
        var node = cluster.AddNode("idle-worker", "worker", 0);

        await Should.ThrowAsync<InvalidOperationException>(() => node.StartAsync(Token, TimeSpan.FromMinutes(2)));

        node.ExitCode.ShouldBe(1);
        node.Output.ShouldContain(line => line.Contains("REELGATE_WORKERS", StringComparison.Ordinal));
    }
}
