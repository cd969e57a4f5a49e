using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reelgate.Engines.Upstream.Fal;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>
/// Provider credentials have Reelgate-prefixed names, apart from the client key the seed's snippets export as
/// EMPIRIOLABS_API_KEY, and a client key of this server is never sent to a provider.
/// </summary>
public sealed class ProviderCredentialTests
{
    [Fact]
    public async Task AddUpstreamEngines_prefers_the_REELGATE_name_and_marks_the_providers_own_name_as_legacy()
    {
        await using (var both = new EngineHost(new Dictionary<string, string?>
        {
            ["REELGATE_FAL_KEY"] = "fal-new",
            ["FAL_KEY"] = "fal-old",
        }))
        {
            both.Services.GetRequiredService<IOptions<FalOptions>>().Value.ApiKey.ShouldBe("fal-new");
            both.Services.GetRequiredService<ProviderCredentials>().Configured.ShouldHaveSingleItem().IsLegacyName.ShouldBeFalse();
        }

        await using var old = new EngineHost(new Dictionary<string, string?> { ["FAL_KEY"] = "fal-old" });
        old.Services.GetRequiredService<IOptions<FalOptions>>().Value.ApiKey.ShouldBe("fal-old");
        var credential = old.Services.GetRequiredService<ProviderCredentials>().Configured.ShouldHaveSingleItem();
        (credential.Source, credential.IsLegacyName).ShouldBe(("FAL_KEY", true));
        credential.ToString().ShouldNotContain("fal-old");
    }

    [Fact]
    public async Task AddUpstreamEngines_never_reads_EMPIRIOLABS_API_KEY_as_the_provider_credential()
    {
        await using var host = new EngineHost(
            new Dictionary<string, string?> { ["EMPIRIOLABS_API_KEY"] = "rg_the_clients_own_key_0123456789" });

        host.Services.GetServices<Core.Ports.IVideoEngine>().ShouldBeEmpty();
        host.Services.GetRequiredService<ProviderCredentials>().Configured.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("REELGATE_FAL_KEY")]
    [InlineData("FAL_KEY")]
    [InlineData("Reelgate:Upstreams:Fal:ApiKey")]
    public async Task AddUpstreamEngines_refuses_a_client_key_as_a_fal_credential(string setting)
    {
        await using var host = new EngineHost(
            new Dictionary<string, string?> { [setting] = "rg_AbCdEfGh0123456789abcdefghijklmnopqrstuv" });

        var error = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<FalOptions>>().Value);

        error.Message.ShouldContain(setting);
        error.Message.ShouldContain("client key");
        error.Message.ShouldNotContain("AbCdEfGh0123456789");
    }

    [Fact]
    public async Task Start_stops_and_the_provider_sees_nothing_when_the_EmpirioLabs_credential_is_this_servers_admin_key()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = LoopbackHttpServer.Start();
        using var data = new TempDirectory("credential-admin");
        await using var server = new ServerProcess(data.Path, EmpirioLabsAt(provider, ServerProcess.AdminKey));

        await Should.ThrowAsync<InvalidOperationException>(() => server.StartAsync(ct, TimeSpan.FromMinutes(2)));

        server.ExitCode.ShouldBe(1);
        server.Output.ShouldContain(line => line.StartsWith(
            "reelgate: cannot start: REELGATE_EMPIRIOLABS_API_KEY holds one of this server's own client keys",
            StringComparison.Ordinal),
            string.Join('\n', server.Output));
        provider.ConnectionCount.ShouldBe(0);
    }

    [Fact]
    public async Task Start_stops_and_the_provider_sees_nothing_when_the_EmpirioLabs_credential_is_a_key_made_on_this_server()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = LoopbackHttpServer.Start();
        using var data = new TempDirectory("credential-key");
        string key;
        await using (var first = new ServerProcess(data.Path, new Dictionary<string, string> { ["REELGATE_WORKERS"] = "0" }))
        {
            await first.StartAsync(ct, TimeSpan.FromMinutes(3));
            using var admin = first.Client();
            using var created = await admin.PostAsJsonAsync("/v1/keys", new JsonObject { ["name"] = "a user", ["credits"] = "1.00" }, ct);
            key = (await created.Content.ReadFromJsonAsync<JsonObject>(ct))!["key"]!.GetValue<string>();
        }

        await using var second = new ServerProcess(data.Path, EmpirioLabsAt(provider, key));
        await Should.ThrowAsync<InvalidOperationException>(() => second.StartAsync(ct, TimeSpan.FromMinutes(2)));

        second.ExitCode.ShouldBe(1);
        second.Output.ShouldContain(
            line => line.Contains("holds one of this server's own client keys", StringComparison.Ordinal),
            string.Join('\n', second.Output));
        second.Output.ShouldNotContain(line => line.Contains(key, StringComparison.Ordinal));
        provider.ConnectionCount.ShouldBe(0);
    }

    [Fact]
    public async Task Start_stops_naming_REELGATE_EMPIRIOLABS_API_KEY_and_the_provider_sees_nothing_when_only_EMPIRIOLABS_API_KEY_is_set()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = LoopbackHttpServer.Start();
        using var data = new TempDirectory("credential-client-variable");
        var settings = EmpirioLabsAt(provider, ServerProcess.AdminKey);
        settings.Remove("REELGATE_EMPIRIOLABS_API_KEY");
        settings["EMPIRIOLABS_API_KEY"] = ServerProcess.AdminKey;
        await using var server = new ServerProcess(data.Path, settings);

        await Should.ThrowAsync<InvalidOperationException>(() => server.StartAsync(ct, TimeSpan.FromMinutes(2)));

        server.Output.ShouldContain(line => line.StartsWith("reelgate: cannot start: ", StringComparison.Ordinal) && line.Contains(
            "REELGATE_EMPIRIOLABS_API_KEY",
            StringComparison.Ordinal),
            string.Join('\n', server.Output));
        provider.ConnectionCount.ShouldBe(0);
    }

    private static Dictionary<string, string> EmpirioLabsAt(LoopbackHttpServer provider, string credential) => new()
    {
        ["Reelgate__Engines__0"] = "empiriolabs",
        ["REELGATE_EMPIRIOLABS_API_KEY"] = credential,
        ["Reelgate__Upstreams__EmpirioLabs__BaseUrl"] = provider.Url("/").AbsoluteUri,
        ["REELGATE_WORKERS"] = "1",
    };
}
