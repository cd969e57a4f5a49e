using Microsoft.Extensions.Configuration;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Tests.Configuration;

/// <summary>Which proxies are trusted, and when the start warns that REELGATE_PUBLIC_URL is missing.</summary>
public sealed class ProxyConfigurationTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080", null, "http://0.0.0.0:8080")]
    [InlineData("http://*:8080", null, "http://*:8080")]
    [InlineData("http://+:80;http://127.0.0.1:81", null, "http://+:80")]
    [InlineData("http://[::]:8080", null, "http://[::]:8080")]
    [InlineData("http://10.1.2.3:8080", null, "http://10.1.2.3:8080")]
    [InlineData("http://0.0.0.0:8080", "https://videos.example.com", null)]
    [InlineData("http://127.0.0.1:8080", null, null)]
    [InlineData("http://localhost:8080;http://[::1]:8081", null, null)]
    [InlineData(null, null, null)]
    public void Start_warns_only_when_listening_beyond_loopback_without_a_public_URL(string? urls, string? publicUrl, string? warned)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = urls,
            ["Reelgate:PublicUrl"] = publicUrl,
        }).Build();

        ProxyConfiguration.ListensBeyondLoopbackWithoutPublicUrl(configuration).ShouldBe(warned);
    }

    [Fact]
    public void TrustedProxies_reads_addresses_and_networks_and_names_the_setting_of_a_bad_one()
    {
        var good = new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { [ProxyConfiguration.Key] = "10.0.0.5, 192.168.0.0/16" }).Build();
        var bad = new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { [ProxyConfiguration.Key] = "proxy.internal" }).Build();

        var (proxies, networks, error) = ProxyConfiguration.Read(good);
        error.ShouldBeNull();
        proxies.Select(p => p.ToString()).ShouldBe(["10.0.0.5"]);
        networks.Select(n => n.ToString()).ShouldBe(["192.168.0.0/16"]);
        ProxyConfiguration.Read(bad).Error!.ShouldContain("REELGATE_TRUSTED_PROXIES");
    }
}
