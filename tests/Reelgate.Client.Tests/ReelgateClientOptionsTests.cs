namespace Reelgate.Client.Tests;

/// <summary>Where the base URL and key come from: REELGATE_* first, then EMPIRIOLABS_API_KEY, then the default.</summary>
public sealed class ReelgateClientOptionsTests
{
    [Fact]
    public void FromEnvironment_uses_the_loopback_default_and_no_key_when_nothing_is_set()
    {
        var options = ReelgateClientOptions.FromEnvironment(_ => null);

        options.BaseAddress.ShouldBe(new Uri("http://127.0.0.1:8080"));
        options.ApiKey.ShouldBeNull();
    }

    [Fact]
    public void FromEnvironment_takes_EMPIRIOLABS_API_KEY_when_REELGATE_API_KEY_is_absent()
    {
        var options = ReelgateClientOptions.FromEnvironment(Env(("EMPIRIOLABS_API_KEY", "el_key")));

        options.ApiKey.ShouldBe("el_key");
    }

    [Fact]
    public void FromEnvironment_prefers_REELGATE_API_KEY_when_both_keys_are_set()
    {
        var options = ReelgateClientOptions.FromEnvironment(Env(
            ("EMPIRIOLABS_API_KEY", "el_key"),
            ("REELGATE_API_KEY", "rg_key"),
            ("REELGATE_BASE_URL", "https://videos.example.test/api")));

        options.ApiKey.ShouldBe("rg_key");
        options.BaseAddress.ShouldBe(new Uri("https://videos.example.test/api"));
    }

    [Fact]
    public void FromEnvironment_throws_naming_the_variable_when_the_base_url_is_not_http()
    {
        var error = Should.Throw<ArgumentException>(() => ReelgateClientOptions.FromEnvironment(Env(("REELGATE_BASE_URL", "ftp://x"))));

        error.Message.ShouldContain("REELGATE_BASE_URL");
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
